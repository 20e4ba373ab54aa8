import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { MeetingItem } from '../../../components/Meetings/MeetingItem';
import { OfferList } from '../../../components/OfferList/OfferList';
import { PersonCard } from '../../../components/PersonCard/PersonCard';
import { Popup } from '../../../components/Popup/Popup';
import { Meeting, Showcase } from '../../../utils/api';
import type { OfferReasons, OutboxItemStatus, ResponseOf } from '../../../utils/messaging/protocol';
import { audienseOffer, sofia, yamada } from './fixtures';
import { byText, choose, click, fakeWorker, renderUi, type } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const T1 = '2027-01-12T01:00:00.000Z';
const T2 = '2027-01-14T06:30:00.000Z';

const requestedByAlumnus = Meeting.parse({
  id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e01',
  alumnusId: 'E2001',
  alumnusName: 'Sofia Andersson Reyes',
  offerId: 'offer-1',
  offerTitle: 'Audience analytics pilot with Audiense',
  requestedBy: { side: 'alumnus', name: 'Sofia Andersson Reyes' },
  status: 'requested',
  awaiting: 'staff',
  proposedTimes: [T1, T2],
  history: [{ id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e01', type: 'request', side: 'alumnus', by: 'Sofia Andersson Reyes', at: '2026-12-01T09:00:00.000Z', times: [T1, T2], text: 'I ran the guild for two years.' }],
  yourPart: ['contact'],
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
});

const accepted = Meeting.parse({
  ...requestedByAlumnus,
  status: 'accepted',
  awaiting: undefined,
  scheduledAt: T2,
  cards: {
    alumnus: { name: 'Sofia Andersson Reyes', organization: 'Andersson Reyes Learning', email: 'sofia@andersson-reyes.example' },
    staff: { name: 'Emily Carter', organization: 'Sakura Digital', email: 'emily.carter@sakura-digital.example', phone: '+81 3-5555-0145' },
  },
  history: [...requestedByAlumnus.history, { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c01', type: 'accept', side: 'staff', by: 'Emily Carter', at: '2026-12-02T09:00:00.000Z', times: [T2] }],
});

const queued = (kind: OutboxItemStatus['kind']): OutboxItemStatus => ({ id: crypto.randomUUID(), kind, state: 'queued', attempts: 1, nextAttemptAt: Date.now() + 30_000 });

const buttons = (root: ParentNode) => [...root.querySelectorAll('button')].map((button) => button.textContent?.trim());

describe('a meeting, as each side sees it', () => {
  it('offers staff exactly the steps the state machine allows, and sends "accept" with the chosen time', async () => {
    const worker = fakeWorker({ 'page:meeting-step': () => queued('meeting-step') });
    let queuedSteps = 0;
    const { container, text } = await renderUi(
      <ul>
        <MeetingItem meeting={requestedByAlumnus} side="staff" pending={[]} showCounterpart onQueued={() => queuedSteps++} />
      </ul>,
      { send: worker.send },
    );
    expect(text()).toContain('Waiting for your answer');
    expect(text()).toContain('With Sofia Andersson Reyes');
    expect(container.querySelector('.al-meeting-said q')?.textContent).toBe('I ran the guild for two years.');
    expect(buttons(container).filter((b) => b !== 'History')).toEqual(['Accept', 'Decline', 'Propose other times', 'Cancel the meeting']);
    await click(byText(container, 'button', 'Accept'));
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios).toHaveLength(2);
    // The choice is a labelled radio group; the first time starts focused for the keyboard.
    expect(container.querySelector('legend')?.textContent).toBe('Choose a time');
    expect(document.activeElement).toBe(radios[0]);
    await click(radios[1]!);
    await click(byText(container, 'form button[type="submit"]', 'Accept'));
    expect(worker.callsOf('page:meeting-step')).toEqual([{ meetingId: requestedByAlumnus.id, step: { type: 'accept', time: T2 } }]);
    expect(queuedSteps).toBe(1);
  });

  it('the alumnus who proposed the times may only propose others or cancel; new times need at least one', async () => {
    const worker = fakeWorker({ 'page:meeting-step': () => queued('meeting-step') });
    const { container, text } = await renderUi(
      <ul>
        <MeetingItem meeting={{ ...requestedByAlumnus, yourPart: ['alumnus'] }} side="alumnus" pending={[]} showCounterpart={false} onQueued={() => undefined} />
      </ul>,
      { send: worker.send },
    );
    expect(text()).toContain('Waiting for the company');
    expect(buttons(container).filter((b) => b !== 'History')).toEqual(['Propose other times', 'Cancel the meeting']);
    await click(byText(container, 'button', 'Propose other times'));
    await click(byText(container, 'form button[type="submit"]', 'Propose other times'));
    expect(text()).toContain('Give at least one time.');
    expect(worker.calls).toEqual([]);
    await type(container.querySelector<HTMLInputElement>('input[type="datetime-local"]')!, '2027-01-20T09:30');
    await click(byText(container, 'form button[type="submit"]', 'Propose other times'));
    expect(worker.callsOf('page:meeting-step')).toEqual([
      { meetingId: requestedByAlumnus.id, step: { type: 'propose-times', times: [new Date('2027-01-20T09:30').toISOString()] } },
    ]);
  });

  it('once accepted: the business cards, the other side’s first, and "record as held" for staff only', async () => {
    const worker = fakeWorker({ 'page:meeting-step': () => queued('meeting-step') });
    const staff = await renderUi(
      <ul>
        <MeetingItem meeting={accepted} side="staff" pending={[]} showCounterpart={false} onQueued={() => undefined} />
      </ul>,
      { send: worker.send },
    );
    const cards = [...staff.container.querySelectorAll('.al-card-name')].map((el) => el.textContent);
    expect(cards).toEqual(['Sofia Andersson Reyes', 'Emily Carter']);
    expect(staff.text()).toContain('sofia@andersson-reyes.example');
    expect(staff.container.querySelector('a[href="mailto:sofia@andersson-reyes.example"]')).not.toBeNull();
    await click(byText(staff.container, 'button', 'Record as held'));
    await choose(staff.container.querySelector('select')!, 'follow-up');
    await type(staff.container.querySelector('textarea')!, 'Send the proposal');
    await click(byText(staff.container, 'form button[type="submit"]', 'Record as held'));
    expect(worker.callsOf('page:meeting-step')).toEqual([{ meetingId: accepted.id, step: { type: 'held', outcome: 'follow-up', note: 'Send the proposal' } }]);
    staff.unmount();

    const alumnus = await renderUi(
      <ul>
        <MeetingItem meeting={{ ...accepted, yourPart: ['alumnus'] }} side="alumnus" pending={[]} showCounterpart onQueued={() => undefined} />
      </ul>,
    );
    expect([...alumnus.container.querySelectorAll('.al-card-name')].map((el) => el.textContent)).toEqual(['Emily Carter', 'Sofia Andersson Reyes']);
    expect(alumnus.text()).toContain('+81 3-5555-0145');
    expect(alumnus.text()).toContain('With Emily Carter');
    expect(buttons(alumnus.container)).not.toContain('Record as held');
  });

  it('while the user’s step is in the outbox it says so, in Japanese too, and offers no other step', async () => {
    const pending = [{ item: queued('meeting-step'), meetingId: requestedByAlumnus.id, step: 'accept' as const }];
    const { container, text } = await renderUi(
      <ul>
        <MeetingItem meeting={requestedByAlumnus} side="staff" pending={pending} showCounterpart onQueued={() => undefined} />
      </ul>,
      { lang: 'ja' },
    );
    expect(text()).toContain('承諾を保存しました。バックエンドに接続でき次第送信します。');
    expect(container.querySelector('.al-meeting-actions')).toBeNull();
  });
});

describe('offers with their reasons', () => {
  const reasons: OfferReasons = {
    [audienseOffer.id]: [
      { code: 'suggested', params: { name: 'Kenji Watanabe' } },
      { code: 'employer', params: { org: 'Audiense' } },
      { code: 'skills', params: { skills: 'analytics' } },
    ],
  };

  it('tells an alumnus why each offer fits them, and sends a meeting request with up to three times', async () => {
    const worker = fakeWorker({ 'page:request-meeting': () => queued('meeting') });
    const { container, text } = await renderUi(<OfferList offers={[audienseOffer]} title="Offers" canExpressInterest reasons={reasons} />, { send: worker.send });
    expect([...container.querySelectorAll('.al-reasons li')].map((li) => li.textContent)).toEqual([
      'Suggested by Kenji Watanabe',
      'Concerns Audiense, where you work now',
      'Matches your skills: analytics',
    ]);
    expect(container.querySelector('.al-reasons')?.getAttribute('aria-label')).toBe('Why it fits');
    await click(byText(container, 'button', 'Request a meeting'));
    const times = [...container.querySelectorAll<HTMLInputElement>('input[type="datetime-local"]')];
    expect(times.map((input) => input.labels?.[0]?.textContent)).toEqual(['Time 1', 'Time 2', 'Time 3']);
    await type(container.querySelector('textarea')!, 'Happy to help');
    await type(times[0]!, '2027-01-12T10:00');
    await type(times[1]!, '2027-01-12T10:00');
    await click(byText(container, 'button', 'Send'));
    expect(text()).toContain('The times must differ.');
    await type(times[1]!, '2027-01-13T15:00');
    await click(byText(container, 'button', 'Send'));
    expect(worker.callsOf('page:request-meeting')).toEqual([
      {
        offerId: audienseOffer.id,
        message: 'Happy to help',
        proposedTimes: [new Date('2027-01-12T10:00').toISOString(), new Date('2027-01-13T15:00').toISOString()],
      },
    ]);
    expect(text()).toContain('Saved. It will be sent to the backend as soon as it can be reached.');
  });

  it('tells staff why an offer fits the alumnus, in Japanese, and suggests it to them', async () => {
    const worker = fakeWorker({ 'page:suggest-offer': () => ({ ...queued('suggestion'), state: 'sent' as const, nextAttemptAt: undefined }) });
    const { container, text } = await renderUi(
      <OfferList offers={[audienseOffer]} title="Offers" canExpressInterest={false} reasons={reasons} audience="they" suggestTo="E2001" />,
      { send: worker.send, lang: 'ja' },
    );
    expect(text()).toContain('現在の勤務先 Audiense に関する案件');
    expect(text()).toContain('スキルに合致: analytics');
    await click(byText(container, 'button', 'このアルムナイに提案する'));
    expect(worker.callsOf('page:suggest-offer')).toEqual([{ alumnusId: 'E2001', offerId: audienseOffer.id }]);
    expect(text()).toContain('提案しました。相手にはあなたの名前付きで表示されます。');
  });
});

describe('an alumnus card for staff', () => {
  const showcase = Showcase.parse({
    businessName: 'Andersson Reyes Learning',
    offering: 'Engineering education for product teams.',
    lookingFor: 'Companies that want to train their frontend teams',
    tags: { skills: ['Frontend'], industries: [], services: ['Workshops'] },
    website: 'https://andersson-reyes.example',
    sharedContact: { email: 'sofia@andersson-reyes.example' },
    published: true,
    updatedAt: '2026-12-01T00:00:00.000Z',
  });

  it('shows "Now: … — looking for: …", the offers that fit with reasons, and the meetings with her', async () => {
    const worker = fakeWorker({
      'page:offer-fits': () => ({ fits: [{ offer: audienseOffer, score: 3, reasons: [{ code: 'skills', params: { skills: 'analytics' } }] }] }),
      'page:meetings': () => ({ meetings: [accepted], pending: [] }),
    });
    const { container, text } = await renderUi(
      <PersonCard alumnus={{ ...sofia, showcase }} offers={[audienseOffer]} role="recruiter" context={{}} />,
      { send: worker.send },
    );
    expect(text()).toContain('Now: Engineering education for product teams. — Looking for: Companies that want to train their frontend teams');
    expect(container.querySelector('section[aria-label="What they do now"]')).not.toBeNull();
    await vi.waitFor(() => expect(text()).toContain('Matches their skills: analytics'));
    // The fitting offer is listed once, not again under "offers concerning Spotify".
    expect(container.querySelectorAll('.al-offer')).toHaveLength(1);
    await vi.waitFor(() => expect(text()).toContain('Meetings with Sofia Andersson Reyes'));
    expect(text()).toContain('Scheduled: ');
    expect(worker.callsOf('page:meetings')).toEqual([{ alumnusId: 'E2001' }]);
  });

  it('proposes a meeting about a fitting offer, or none; and not to someone who declined offers', async () => {
    const worker = fakeWorker({
      'page:offer-fits': () => ({ fits: [{ offer: audienseOffer, score: 3, reasons: [] }] }),
      'page:meetings': () => ({ meetings: [], pending: [] }),
      'page:propose-meeting': () => queued('meeting'),
      'page:outbox-status': () => [],
    });
    const { container, text } = await renderUi(<PersonCard alumnus={yamada} offers={[]} role="sales" context={{}} />, { send: worker.send });
    await vi.waitFor(() => expect(text()).toContain('No meetings yet.'));
    await click(byText(container, 'button', 'Propose a meeting'));
    await choose(container.querySelector<HTMLSelectElement>('.al-meeting-form select')!, '');
    await type(container.querySelector<HTMLInputElement>('.al-meeting-form input[type="datetime-local"]')!, '2027-02-01T11:00');
    await act(async () => {
      container.querySelector<HTMLFormElement>('.al-meeting-form')!.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(worker.callsOf('page:propose-meeting')).toEqual([{ alumnusId: 'E1001', proposedTimes: [new Date('2027-02-01T11:00').toISOString()] }]);

    const quiet = await renderUi(<PersonCard alumnus={{ ...yamada, consent: { recognition: true, offers: false } }} offers={[]} role="sales" context={{}} />, {
      send: fakeWorker({ 'page:offer-fits': () => ({ fits: [] }), 'page:meetings': () => ({ meetings: [], pending: [] }) }).send,
    });
    expect(quiet.text()).toContain('山田 太郎 has not agreed to hear about offers.');
    expect(buttons(quiet.container)).not.toContain('Propose a meeting');
  });
});

describe('the popup', () => {
  const alumniStatus: ResponseOf<'ui:get-status'> = {
    me: { user: { name: 'Sofia Andersson Reyes', role: 'alumni', alumnusId: 'E2001' }, company: { name: 'Sakura Digital', aliases: [], domains: [] } },
    sync: { state: 'idle', lastSuccessAt: Date.UTC(2026, 11, 1), lastError: null, progress: null },
    directorySize: 0,
    organizationsCount: 1,
    openOffers: 1,
    newOffers: 0,
    pendingOutbox: 0,
    failedOutbox: [],
    waitingMeetings: 2,
    configSource: 'local',
  };

  it('puts what waits for the user first ("2 meeting requests"), then their other meetings, their showcase and ranked offers', async () => {
    const proposal = (id: string) => Meeting.parse({ ...requestedByAlumnus, id, requestedBy: { side: 'staff', name: 'Kenji Watanabe' }, awaiting: 'alumnus', yourPart: ['alumnus'] });
    let opened = 0;
    const worker = fakeWorker({
      'ui:get-status': () => alumniStatus,
      'page:meetings': () => ({
        meetings: [proposal('8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e07'), proposal('8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e08'), { ...accepted, yourPart: ['alumnus'] }],
        pending: [],
      }),
      'ui:list-offers': () => ({ offers: [audienseOffer], offerReasons: { [audienseOffer.id]: [{ code: 'employer', params: { org: 'Audiense' } }] } }),
    });
    const { container, text } = await renderUi(<Popup tabId={null} onOpenOptions={() => undefined} onOpenShowcase={() => opened++} />, {
      send: worker.send,
      strings: 'app',
    });
    await vi.waitFor(() => expect(text()).toContain('2 meeting requests'));
    const sections = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(sections.slice(0, 2)).toEqual(['Waiting for you', 'Your meetings']);
    expect(container.querySelectorAll('.al-popup-waiting .al-meeting')).toHaveLength(2);
    await vi.waitFor(() => expect(text()).toContain('Concerns Audiense, where you work now'));
    await click(byText(container, 'button', 'Edit my showcase'));
    expect(opened).toBe(1);
  });
});
