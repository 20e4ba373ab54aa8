import theme from './theme/theme.css?inline';
import avatar from './Avatar/Avatar.css?inline';
import confidence from './ConfidenceBadge/ConfidenceBadge.css?inline';
import outbox from './OutboxStatus/OutboxStatus.css?inline';
import introForm from './IntroductionForm/IntroductionForm.css?inline';
import offers from './OfferList/OfferList.css?inline';
import person from './PersonCard/PersonCard.css?inline';
import organization from './OrganizationCard/OrganizationCard.css?inline';
import personRow from './PersonRow/PersonRow.css?inline';
import sidebar from './Sidebar/Sidebar.css?inline';
import marker from './Marker/Marker.css?inline';
import reasons from './MatchReasons/MatchReasons.css?inline';
import meetings from './Meetings/Meetings.css?inline';
import showcase from './Showcase/ShowcaseSummary.css?inline';
import failedOutbox from './FailedOutbox/FailedOutbox.css?inline';

// Stylesheets as strings: on host pages they go into our closed shadow roots (never into the page's
// document, and never as web-accessible files the page could fetch).

/** Everything the in-page UI needs: sidebar, cards, markers. */
export const pageCss = [theme, avatar, confidence, outbox, introForm, offers, reasons, showcase, meetings, person, personRow, organization, sidebar, marker].join('\n');

/** Shared by the popup and options pages, which add their own sheets. */
export const baseCss = [theme, avatar, confidence, outbox, failedOutbox, offers, reasons, showcase, meetings].join('\n');
