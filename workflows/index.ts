export { handleIncident } from './handle-incident';
