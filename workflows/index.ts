export { handleIncident } from './handle-incident';
export { trackObligations } from './track-obligations';
export { remindSmallBreachLog } from './remind-small-breach-log';
export { sweepDetections } from './sweep-detections';
export { notifyAffectedIndividuals } from './notify-affected-individuals';
