import { mount } from '../../components/mount';
import { SidePanelApp } from './SidePanelApp';

mount(<SidePanelApp />, 'The side panel');
