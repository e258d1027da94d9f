export { handleIncident } from './handle-incident';
export { trackObligations } from './track-obligations';
