export * from './account';
export * from './fit';
export * from './followUp';
export * from './person';
export * from './profile';
export * from './settings';
export * from './touch';
export * from './touchTypes';
