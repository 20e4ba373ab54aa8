import type { IntroductionKind } from '../../../utils/api';
import type { Overview } from '../../../utils/api/console';
import type { UiLang } from '../../../utils/i18n';
import { formatMonth } from '../../../utils/i18n';
import { useI18n } from '../../../utils/i18n/context';
import { Chart } from '../components/Chart/Chart';
import { Await } from '../components/Status/Status';
import { isAdmin, useConsole } from '../context';
import { useLoad } from '../use-load';

const kinds: IntroductionKind[] = ['referral', 'rehire', 'sales-introduction', 'collaboration', 'other'];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The last twelve months, oldest first: "2025-12" … "2026-11". */
export function lastMonths(now: Date, count = 12): string[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** A month under its column: the month alone, with the year at the first column and at each January. */
function axisMonth(lang: UiLang, yearMonth: string, index: number): string {
  const [year, month] = yearMonth.split('-').map(Number);
  const name = lang === 'ja' ? `${month}月` : formatMonth(lang, yearMonth).split(' ')[0]!;
  if (index !== 0 && month !== 1) return name;
  return lang === 'ja' ? `${year} ${name}` : `${name} ${year}`;
}

/** Days of the last two weeks, oldest first. */
function lastDays(now: Date, count = 14): string[] {
  return Array.from({ length: count }, (_, i) => new Date(now.getTime() - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

const topDepartments = 6;

const funnelStages = ['requested', 'accepted', 'held', 'deal'] as const;

/** Requested → accepted → held → deal, with the rates and how the rest ended in the summary. */
function MeetingsFunnel({ funnel, yours }: { funnel: Overview['meetings']; yours: boolean }) {
  const { t } = useI18n();
  return (
    <Chart
      title={t(yours ? 'overview.funnel.yours' : 'overview.funnel')}
      summary={t('overview.funnel.summary', {
        requested: funnel.requested,
        accepted: funnel.accepted,
        acceptedShare: percent(funnel.accepted, funnel.requested),
        held: funnel.held,
        heldShare: percent(funnel.held, funnel.requested),
        deal: funnel.deal,
        dealShare: percent(funnel.deal, funnel.requested),
        awaiting: funnel.awaitingAnswer,
        declined: funnel.declined,
        cancelled: funnel.cancelled,
        followUp: funnel.followUp,
        noDeal: funnel.noDeal,
      })}
      labelHeader={t('overview.funnel.stage')}
      labels={funnelStages.map((stage) => t(`overview.funnel.${stage}`))}
      series={[{ name: t('overview.meetingsSeries'), values: funnelStages.map((stage) => funnel[stage]) }]}
    />
  );
}

function Charts({ overview, lang }: { overview: Overview; lang: UiLang }) {
  const { t } = useI18n();
  const now = new Date();
  // Only admins get the programme's own figures; everyone else's meetings are the ones they take part in.
  const admin = isAdmin(useConsole().session);

  const months = lastMonths(now);
  const introductionSeries = kinds
    .map((kind) => ({
      name: t(`overview.kind.${kind}`),
      values: months.map((month) => overview.introductionsByMonth.find((m) => m.month === month && m.kind === kind)?.count ?? 0),
    }))
    .filter((series) => sum(series.values) > 0);

  // Offers that drew something (or are still open): a closed offer nobody answered says nothing.
  const offers = overview.offers.filter((offer) => offer.status === 'open' || (offer.interests ?? 0) + offer.meetings > 0);
  const open = overview.offers.filter((offer) => offer.status === 'open').length;
  const offerSeries = [
    ...(admin ? [{ name: t('overview.interests'), values: offers.map((o) => o.interests ?? 0) }] : []),
    { name: t('overview.meetingsSeries'), values: offers.map((o) => o.meetings) },
  ];
  const meetingsAboutOffers = sum(offers.map((o) => o.meetings));

  // Cohorts: one column per leaving year, stacked by the departments most people left from.
  const years = [...new Set(overview.cohorts.map((c) => c.year))].sort();
  const byDepartment = new Map<string, number>();
  for (const c of overview.cohorts) byDepartment.set(c.department, (byDepartment.get(c.department) ?? 0) + c.count);
  const ranked = [...byDepartment.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const shown = ranked.slice(0, topDepartments);
  const departmentName = (name: string) => (name === '' ? t('overview.noDepartment') : name);
  const cohortSeries = [
    ...shown.map((department) => ({
      name: departmentName(department),
      values: years.map((year) => overview.cohorts.find((c) => c.year === year && c.department === department)?.count ?? 0),
    })),
    ...(ranked.length > topDepartments
      ? [{ name: t('overview.otherDepartments'), values: years.map((year) => sum(overview.cohorts.filter((c) => c.year === year && !shown.includes(c.department)).map((c) => c.count))) }]
      : []),
  ];
  const cohortTotal = sum(overview.cohorts.map((c) => c.count));

  const days = lastDays(now);
  const freshness = overview.freshness;

  return (
    <div class="chart-grid">
      <Chart
        title={t('overview.introductions')}
        summary={t('overview.introductions.summary', { count: sum(overview.introductionsByMonth.map((m) => m.count)) })}
        labelHeader={t('overview.month')}
        labels={months.map((month) => formatMonth(lang, month))}
        axisLabels={months.map((month, index) => axisMonth(lang, month, index))}
        series={introductionSeries}
        layout="stacked"
      />
      <MeetingsFunnel funnel={overview.meetings} yours={!admin} />
      {offers.length > 0 && (
        <Chart
          title={t('overview.offers')}
          summary={
            admin
              ? t('overview.offers.summary', { open, interests: sum(offers.map((o) => o.interests ?? 0)), meetings: meetingsAboutOffers })
              : t('overview.offers.summaryYours', { open, meetings: meetingsAboutOffers })
          }
          labelHeader={t('overview.offer')}
          labels={offers.map((o) => (o.status === 'open' ? o.title : `${o.title} (${t('overview.status.closed')})`))}
          series={offerSeries}
          layout="bars"
        />
      )}
      <Chart
        title={t('overview.employers')}
        summary={t('overview.employers.summary', { count: sum(overview.employers.map((e) => e.count)) })}
        labelHeader={t('overview.organization')}
        labels={overview.employers.map((e) => e.name)}
        series={[{ name: t('overview.alumni'), values: overview.employers.map((e) => e.count) }]}
        layout="bars"
      />
      <Chart
        title={t('overview.cohorts')}
        summary={t('overview.cohorts.summary', { count: cohortTotal, from: years[0] ?? '—', to: years.at(-1) ?? '—' })}
        labelHeader={t('overview.year')}
        labels={years.map(String)}
        labelEvery={years.length > 10 ? 2 : 1}
        series={cohortSeries}
        layout="stacked"
      />
      {overview.consent && (
        <Chart
          title={t('overview.consent')}
          summary={[
            t('overview.consent.summary', {
              alumni: overview.consent.alumni,
              recognition: percent(overview.consent.recognition, overview.consent.alumni),
              offers: percent(overview.consent.offers, overview.consent.alumni),
            }),
            ...(overview.showcases ? [t('overview.showcases.summary', overview.showcases)] : []),
          ].join(' ')}
          labelHeader={t('overview.consent.kind')}
          labels={[t('overview.consent.recognition'), t('overview.consent.offers'), ...(overview.showcases ? [t('overview.showcases.published')] : [])]}
          series={[
            {
              name: t('overview.consent.share'),
              values: [
                percent(overview.consent.recognition, overview.consent.alumni),
                percent(overview.consent.offers, overview.consent.alumni),
                ...(overview.showcases ? [percent(overview.showcases.published, overview.consent.alumni)] : []),
              ],
            },
          ]}
          layout="bars"
          unit="%"
          max={100}
        />
      )}
      {freshness && (
        <div class="chart-with-note">
          <Chart
            title={t('overview.freshness')}
            summary={t('overview.freshness.summary', { synced: sum(freshness.clientsByDay.map((d) => d.count)), never: freshness.neverSynced })}
            labelHeader={t('overview.freshness.day')}
            labels={days.map((day) => formatDay(lang, day))}
            labelEvery={2}
            series={[{ name: t('overview.freshness.clients'), values: days.map((day) => freshness.clientsByDay.find((d) => d.day === day)?.count ?? 0) }]}
          />
          <p class={freshness.outbox.clientsWithFailures > 0 ? 'notice error' : 'notice'}>
            {t('overview.outbox', {
              clients: freshness.outbox.clientsWithFailures,
              reporting: freshness.outbox.clientsReporting,
              failed: freshness.outbox.failed,
              pending: freshness.outbox.pending,
            })}
          </p>
        </div>
      )}
    </div>
  );
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));
const formatDay = (lang: UiLang, day: string) => (lang === 'ja' ? `${Number(day.slice(5, 7))}/${Number(day.slice(8))}` : `${Number(day.slice(8))}/${Number(day.slice(5, 7))}`);

/** What the programme yields, as charts with their tables. */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const { api } = useConsole();
  const [overview, reload] = useLoad(() => api.overview(), [api]);
  return (
    <>
      <h1 tabIndex={-1}>{t('overview.title')}</h1>
      <Await loaded={overview} retry={reload}>
        {(value) => <Charts overview={value} lang={lang} />}
      </Await>
    </>
  );
}
