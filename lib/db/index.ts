export * from './accounts';
export * from './db';
export * from './followUps';
export * from './people';
export * from './profiles';
export * from './prospects';
export * from './settings';
export * from './touches';
