import { mount } from '../../components/mount';
import { WelcomeApp } from './WelcomeApp';

mount(<WelcomeApp />, 'The welcome');
