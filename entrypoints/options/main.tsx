import { render } from 'preact';
import { ApiContext } from '../../components/api-context';
import { sendMessage } from '../../utils/messaging/client';
import { prepareExtensionPage } from '../../components/extension-page';
import { Options } from '../../components/Options/Options';
import optionsCss from '../../components/Options/Options.css?inline';
import { browserPlatform } from '../../components/Options/platform';
import { adapters } from '../../utils/sites';
import { orgWebsiteAdapter } from '../../utils/sites/org-website';

async function main() {
  await prepareExtensionPage(optionsCss);
  const sites = [...adapters.map((adapter) => adapter.id), orgWebsiteAdapter.id];
  render(
    <ApiContext.Provider value={sendMessage}>
      <Options platform={browserPlatform} sites={sites} browserLanguage={navigator.language} />
    </ApiContext.Provider>,
    document.getElementById('app')!,
  );
}

void main();
