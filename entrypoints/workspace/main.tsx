import { mount } from '../../components/mount';
import { WorkspaceApp } from './WorkspaceApp';

mount(<WorkspaceApp />, 'The workspace');
