/** Diagnosis components for the popup and the report page: data and callbacks in, no storage or messaging. */
import './checklist.css';

export { ChecklistEntry, type ChecklistEntryProps } from './ChecklistEntry';
export { SignalsPanel } from './SignalsPanel';
export { VerdictBanner, type VerdictBannerProps } from './VerdictBanner';
export { PrioritiesList, type PrioritiesListProps } from './PrioritiesList';
export { TierCard, tierText, type TierCardProps } from './TierCard';
