// Its parse errors can reach the user (a card's failed action), worded as everywhere else in the extension.
import '../../utils/api/locale';
import { publishPageUi } from '../../utils/content/page-ui-handoff';
import { createPageUi } from '../../utils/content/page-ui';

// The in-page UI (sidebar, badges, highlights: Preact, the components, their CSS), out of the content
// scripts (issue 11, content-script size). Never listed in the manifest and never web-accessible: the worker
// injects it with scripting.executeScript into the isolated world of the one frame whose content script
// asked (page:load-ui), once that page has something to show.
export default defineUnlistedScript(() => publishPageUi(createPageUi));
