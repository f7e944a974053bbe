import { mount } from '../../components/mount';
import { OptionsApp } from './OptionsApp';

mount(<OptionsApp />, 'Options');
