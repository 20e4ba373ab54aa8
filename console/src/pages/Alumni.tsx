import { useEffect, useState } from 'preact/hooks';
import type { AlumniSearchQuery, ConsentFilter } from '../../../utils/api/console';
import { formatMonth } from '../../../utils/i18n';
import { useI18n } from '../../../utils/i18n/context';
import { Await, Notice } from '../components/Status/Status';
import { useConsole } from '../context';
import { hrefOf, noticeFromHistory, onLinkClick } from '../router';
import { useLoad } from '../use-load';

const pageSize = 50;
const consentFilters: ConsentFilter[] = ['recognition', 'no-recognition', 'offers', 'no-offers'];

type Filters = { q: string; department: string; leftYear: string; employer: string; consent: '' | ConsentFilter };
const noFilters: Filters = { q: '', department: '', leftYear: '', employer: '', consent: '' };

/** Typing waits for a pause before asking the server, so each keystroke is not a request. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value: a filters object rebuilt with the same fields must not restart the wait
  }, [JSON.stringify(value), ms]);
  return settled;
}

/** Search and filter the directory; the server pages and sorts, so 100,000 alumni cost the browser 50 rows. */
export function AlumniPage() {
  const { t, lang } = useI18n();
  const { api } = useConsole();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(1);
  const [notice] = useState(noticeFromHistory);
  const settled = useDebounced(filters, 250);
  const [facets] = useLoad(() => api.alumniFacets(), [api]);
  const query: AlumniSearchQuery = {
    ...(settled.q ? { q: settled.q } : {}),
    ...(settled.department ? { department: settled.department } : {}),
    ...(settled.leftYear ? { leftYear: Number(settled.leftYear) } : {}),
    ...(settled.employer ? { employer: settled.employer } : {}),
    ...(settled.consent ? { consent: settled.consent } : {}),
    page,
    pageSize,
  };
  const [results, reload] = useLoad(() => api.searchAlumni(query), [api, JSON.stringify(query)]);
  const set = (key: keyof Filters) => (event: Event) => {
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLInputElement).value });
    setPage(1);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('alumni.title')}</h1>
      <Notice text={notice} />
      <form class="filters" role="search" aria-label={t('alumni.search')} onSubmit={(e) => e.preventDefault()}>
        <label class="field">
          <span>{t('alumni.q')}</span>
          <input type="search" value={filters.q} onInput={set('q')} placeholder={t('alumni.q.hint')} />
        </label>
        <label class="field">
          <span>{t('alumni.department')}</span>
          <select value={filters.department} onChange={set('department')}>
            <option value="">{t('alumni.any')}</option>
            {facets.state === 'ready' && facets.value.departments.map((d) => <option value={d.name} key={d.name}>{`${d.name} (${d.count})`}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t('alumni.leftYear')}</span>
          <select value={filters.leftYear} onChange={set('leftYear')}>
            <option value="">{t('alumni.any')}</option>
            {facets.state === 'ready' && facets.value.leftYears.map((y) => <option value={String(y.year)} key={y.year}>{`${y.year} (${y.count})`}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t('alumni.employer')}</span>
          <input type="search" value={filters.employer} onInput={set('employer')} />
        </label>
        <label class="field">
          <span>{t('alumni.consent')}</span>
          <select value={filters.consent} onChange={set('consent')}>
            <option value="">{t('alumni.any')}</option>
            {consentFilters.map((c) => (
              <option value={c} key={c}>
                {t(`alumni.consent.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Await loaded={results} retry={reload}>
        {(found) => {
          const pages = Math.max(1, Math.ceil(found.total / pageSize));
          const from = found.total === 0 ? 0 : (found.page - 1) * pageSize + 1;
          return (
            <>
              <p role="status" class="muted">
                {found.total === 0 ? t('alumni.noResults') : t('alumni.results', { from, to: from + found.alumni.length - 1, total: found.total.toLocaleString(lang) })}
              </p>
              {found.alumni.length > 0 && (
                <div class="table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('alumni.name')}</th>
                        <th scope="col">{t('alumni.id')}</th>
                        <th scope="col">{t('alumni.department')}</th>
                        <th scope="col">{t('alumni.left')}</th>
                        <th scope="col">{t('alumni.employer')}</th>
                        <th scope="col">{t('alumni.consent')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {found.alumni.map((alumnus) => (
                        <tr key={alumnus.id}>
                          <th scope="row">
                            <a href={hrefOf(`alumni/${alumnus.id}`)} onClick={onLinkClick(`alumni/${alumnus.id}`)}>
                              {alumnus.name}
                            </a>
                            {alumnus.latin && alumnus.latin !== alumnus.name && <span class="muted small"> {alumnus.latin}</span>}
                          </th>
                          <td>{alumnus.id}</td>
                          <td>{alumnus.department ?? t('console.none')}</td>
                          <td>{alumnus.leftOn ? formatMonth(lang, alumnus.leftOn) : t('console.none')}</td>
                          <td>{alumnus.employer ?? t('console.none')}</td>
                          <td>
                            {t('alumni.consentShort', {
                              recognition: t(alumnus.consent.recognition ? 'console.yes' : 'console.no'),
                              offers: t(alumnus.consent.offers ? 'console.yes' : 'console.no'),
                            })}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <div class="pager">
                <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t('alumni.previous')}
                </button>
                <span>{t('alumni.page', { page: found.page, pages })}</span>
                <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  {t('alumni.next')}
                </button>
              </div>
            </>
          );
        }}
      </Await>
    </>
  );
}
