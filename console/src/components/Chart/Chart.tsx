import { BarChart } from 'chartist';
import 'chartist/dist/index.css';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../../../utils/i18n/context';
import './Chart.css';

const shorten = (label: string | number) => {
  const text = String(label);
  return [...text].length > 22 ? `${[...text].slice(0, 21).join('')}…` : text;
};

const seriesLetters = 'abcdefg';

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartProps {
  title: string;
  /** One sentence saying what the chart shows, read before the figures. */
  summary: string;
  /** Column header of the labels in the table (Month, Organisation…). */
  labelHeader: string;
  labels: string[];
  /** Shorter labels for the drawing, one per label (the table keeps `labels` whole). */
  axisLabels?: string[];
  /** Name only every n-th column in the drawing, where the columns are too narrow for every label. */
  labelEvery?: number;
  series: ChartSeries[];
  layout?: 'columns' | 'stacked' | 'bars';
  /** Shown after each value in the table (e.g. "%"). */
  unit?: string;
  /** The top of the value axis when it has a natural one (100 for shares). */
  max?: number;
}

/**
 * A bar chart (Chartist, SVG) with the same figures as a table. The drawing is hidden from screen readers,
 * which read the caption, the summary and the table; "Show as table" shows the table to everyone.
 */
export function Chart({ title, summary, labelHeader, labels, axisLabels, labelEvery = 1, series, layout = 'columns', unit = '', max }: ChartProps) {
  const { t } = useI18n();
  const drawing = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const empty = labels.length === 0 || series.every((s) => s.values.every((v) => v === 0));
  // A total adds up parts of one whole (kinds of introduction in a month); side-by-side series are not parts.
  const stacked = layout === 'stacked' && series.length > 1;

  useEffect(() => {
    if (!drawing.current || empty) return;
    const grouped = series.length > 1 && layout !== 'stacked';
    const chart = new BarChart(
      drawing.current,
      // Each series names its class, so its colour matches the legend even where Chartist reverses the order (bars).
      { labels: axisLabels ?? labels, series: series.map((s, index) => ({ data: s.values, className: `ct-series-${seriesLetters[index % seriesLetters.length]}` })) },
      {
        stackBars: layout === 'stacked',
        ...(max !== undefined ? { high: max, low: 0 } : {}),
        horizontalBars: layout === 'bars',
        reverseData: layout === 'bars',
        seriesBarDistance: grouped ? (layout === 'bars' ? 11 : 12) : 0,
        height: layout === 'bars' ? Math.max(160, labels.length * (grouped ? 26 * series.length : 32) + 40) : 240,
        chartPadding: { top: 12, right: 28, bottom: 4, left: layout === 'bars' ? 8 : 4 },
        axisX:
          layout === 'bars'
            ? { onlyInteger: true }
            : // Counted from the newest column, which is always named.
              { showGrid: false, labelInterpolationFnc: (label: string | number, index: number) => ((labels.length - 1 - index) % labelEvery === 0 ? label : '') },
        // Long names are cut in the drawing (on one line, so they never overlap); the table has them whole.
        axisY: layout === 'bars' ? { offset: 170, showGrid: false, labelInterpolationFnc: shorten } : { onlyInteger: true, offset: 36 },
      },
    );
    return () => chart.detach();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redraws when the figures change, compared by value: a parent's new arrays of the same figures must not redraw
  }, [JSON.stringify({ labels, axisLabels, labelEvery, series, layout, max }), empty]);

  return (
    <figure class="chart" aria-labelledby={`${id}-title`} data-layout={layout} data-grouped={series.length > 1 && layout !== 'stacked' ? '' : undefined}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p class="chart-summary">{summary}</p>
      </figcaption>
      {empty ? (
        <p class="muted">{t('chart.empty')}</p>
      ) : (
        <>
          {series.length > 1 && (
            <ul class="chart-legend" aria-hidden="true">
              {series.map((s, index) => (
                <li key={s.name} data-series={index}>
                  {s.name}
                </li>
              ))}
            </ul>
          )}
          <div class="chart-drawing" ref={drawing} aria-hidden="true" />
          <button type="button" class="link-button" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable(!showTable)}>
            {showTable ? t('chart.hideTable') : t('chart.showTable')}
          </button>
          <div id={`${id}-table`} class={showTable ? 'chart-table' : 'chart-table sr-only'}>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  {series.map((s) => (
                    <th scope="col" key={s.name}>
                      {s.name}
                    </th>
                  ))}
                  {stacked && <th scope="col">{t('chart.total')}</th>}
                </tr>
              </thead>
              <tbody>
                {labels.map((label, row) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {series.map((s) => (
                      <td key={s.name}>{`${s.values[row]}${unit}`}</td>
                    ))}
                    {stacked && <td>{series.reduce((sum, s) => sum + s.values[row], 0)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
