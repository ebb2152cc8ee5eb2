/** Use case: what this phone can do (for the "This phone" screen and support staff). */
export { detectFeatures, type FeatureName, type FeatureReport } from '../../lib/features';
