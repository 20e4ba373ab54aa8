import { render } from 'preact';
import { ApiContext } from '../../components/api-context';
import { sendMessage } from '../../utils/messaging/client';
import { prepareExtensionPage } from '../../components/extension-page';
import { ShowcaseEditor } from '../../components/ShowcaseEditor/ShowcaseEditor';
import editorCss from '../../components/ShowcaseEditor/ShowcaseEditor.css?inline';
import optionsCss from '../../components/Options/Options.css?inline';
import { appI18n } from '../../utils/i18n/app';
import { I18nContext } from '../../utils/i18n/context';

// The alumnus's showcase editor ("what I do now"), opened from the popup in a tab of its own.
async function main() {
  const lang = await prepareExtensionPage(`${optionsCss}\n${editorCss}`);
  document.title = appI18n(lang).t('editor.title');
  render(
    <ApiContext.Provider value={sendMessage}>
      <I18nContext.Provider value={appI18n(lang)}>
        <ShowcaseEditor />
      </I18nContext.Provider>
    </ApiContext.Provider>,
    document.getElementById('app')!,
  );
}

void main();
