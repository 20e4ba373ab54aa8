import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonCard } from '../../../components/PersonCard/PersonCard';
import { FITS_WAIT_MS } from '../../../components/PersonCard/useOfferFits';
import { Introduction, Offer } from '../../../utils/api';
import type { ResponseOf } from '../../../utils/messaging/protocol';
import { byText, click, fakeWorker, renderUi } from './render';
import { sofia, sofiaForSales, sofiaMatch, yamada } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const context = { url: 'https://www.linkedin.com/in/sofia-andersson-reyes/', site: 'linkedin' };

describe('PersonCard', () => {
  it('shows who the alumnus is, when they were with us, where they are now, and why we think so', async () => {
    const { text } = await renderUi(<PersonCard alumnus={sofia} match={sofiaMatch} offers={[]} role="recruiter" context={context} />);
    expect(text()).toContain('Sofia Andersson Reyes');
    expect(text()).toContain('Confirmed alumnus');
    expect(text()).toContain('Apr 2009 – Aug 2011');
    expect(text()).toContain('Department: Design');
    expect(text()).toContain('Engineering Education Team Lead at Spotify');
    expect(text()).toContain('Kenji Watanabe');
    expect(text()).toContain('This profile (linkedin.com/in/sofia-andersson-reyes) is the one on file for Sofia Andersson Reyes.');
    expect(text()).toContain('Lists Sakura Digital (Apr 2009 – Aug 2011), overlapping the tenure on file (Apr 2009 – Aug 2011).');
  });

  it('says the same in Japanese', async () => {
    const { text } = await renderUi(<PersonCard alumnus={sofia} match={sofiaMatch} offers={[]} role="recruiter" context={context} />, {
      lang: 'ja',
    });
    expect(text()).toContain('アルムナイ(確定)');
    expect(text()).toContain('2009年4月 〜 2011年8月');
    expect(text()).toContain('所属: Design');
    expect(text()).toContain('このプロフィール（linkedin.com/in/sofia-andersson-reyes）は名簿に登録されたSofia Andersson Reyesさんのものです。');
    expect(text()).toContain('経歴にSakura Digital（2009年4月 〜 2011年8月）があり、名簿の在籍期間（2009年4月 〜 2011年8月）と重なります。');
    expect(text()).toContain('再雇用可');
    expect(text()).toContain('紹介を記録');
  });

  it('lists every name a Japanese alumnus is known by: kanji, kana, latin and former', async () => {
    const { container } = await renderUi(<PersonCard alumnus={yamada} offers={[]} role="sales" context={context} />);
    expect(container.querySelector('h2')?.textContent).toBe('山田 太郎');
    const alt = (kind: string) => container.querySelector(`[data-name="${kind}"] dd`)?.textContent;
    expect(alt('kana')).toBe('やまだ たろう');
    expect(alt('latin')).toBe('Taro Yamada');
    expect(alt('former')).toBe('佐藤 太郎');
  });

  it('shows rehire eligibility to recruiters only', async () => {
    const recruiter = await renderUi(<PersonCard alumnus={sofia} match={sofiaMatch} offers={[]} role="recruiter" context={context} />);
    expect(recruiter.text()).toContain('Eligible for rehire');
    recruiter.unmount();

    const sales = await renderUi(<PersonCard alumnus={sofiaForSales} match={sofiaMatch} offers={[]} role="sales" context={context} />);
    expect(sales.text()).not.toContain('rehire');
    expect(sales.container.querySelector('[data-rehire]')).toBeNull();
    sales.unmount();

    // Even if a record with the field reached a salesperson, the card would not show it.
    const leaked = await renderUi(<PersonCard alumnus={sofia} match={sofiaMatch} offers={[]} role="sales" context={context} />);
    expect(leaked.container.querySelector('[data-rehire]')).toBeNull();
  });

  it('asks the backend for past introductions only when the user clicks, then lists them', async () => {
    const intro = Introduction.parse({
      id: '7d9f8a52-58c4-4d4e-9d0e-3f1c2b7a9e11',
      alumnusId: sofia.id,
      kind: 'referral',
      note: 'Met at the design meetup',
      context: {},
      occurredAt: '2026-10-02T09:00:00Z',
      loggedBy: 'Hana Suzuki',
      receivedAt: '2026-10-02T09:00:01Z',
    });
    const worker = fakeWorker({ 'page:load-introductions': () => ({ introductions: [intro] }) });
    const { container, text } = await renderUi(
      <PersonCard alumnus={sofia} match={sofiaMatch} offers={[]} role="recruiter" context={context} />,
      { send: worker.send },
    );
    expect(worker.callsOf('page:load-introductions')).toEqual([]);
    await click(byText(container, 'button', 'Show past introductions'));
    await vi.waitFor(() => expect(text()).toContain('Referral by Hana Suzuki, 2 Oct 2026'));
    expect(text()).toContain('Met at the design meetup');
    expect(worker.callsOf('page:load-introductions')).toEqual([{ alumnusId: sofia.id }]);
  });

  it('shows an alumnus user no staff tools: no introductions, no form', async () => {
    const { text, container } = await renderUi(<PersonCard alumnus={yamada} offers={[]} role="alumni" context={context} />);
    expect(text()).not.toContain('Show past introductions');
    expect(container.querySelector('form')).toBeNull();
  });
});

describe('the offers on a staff card', () => {
  // An open offer concerning Sofia's employer that also fits her skills.
  const spotifyOffer = Offer.parse({
    id: 'offer-2',
    title: 'Frontend training for the Spotify web team',
    summary: 'Workshops for the web team.',
    kind: 'project',
    skills: ['frontend'],
    organizationId: 'org-spotify',
    status: 'open',
    contact: { name: 'Aiko Tanaka' },
    updatedAt: '2026-11-01T00:00:00Z',
  });
  const fit = { offer: spotifyOffer, score: 3, reasons: [{ code: 'skills' as const, params: { skills: 'frontend' } }] };

  /** A worker whose offer fits answer only when the test says so; `answer` returns once the card has drawn the answer. */
  function slowFits() {
    let answer: (reply: ResponseOf<'page:offer-fits'>) => void = () => undefined;
    let asked: Promise<unknown> = Promise.resolve();
    const worker = fakeWorker({
      'page:offer-fits': () => new Promise((resolve) => (answer = resolve)),
      'page:meetings': () => ({ meetings: [], pending: [] }),
    });
    const send: typeof worker.send = (type, payload) => {
      const reply = worker.send(type, payload);
      if (type === 'page:offer-fits') asked = reply;
      return reply;
    };
    return {
      send,
      // The card's handler was attached to the reply first, so it has run when this await resumes.
      answer: (reply: ResponseOf<'page:offer-fits'>) =>
        act(async () => {
          answer(reply);
          await asked;
        }),
    };
  }
  const headings = (container: Element) => [...container.querySelectorAll('.al-offers h3')].map((h) => h.textContent);

  it('are drawn once, when the fits answered: an offer that fits never shows first among "Open offers concerning …"', async () => {
    const worker = slowFits();
    const { container } = await renderUi(<PersonCard alumnus={sofia} match={sofiaMatch} offers={[spotifyOffer]} role="recruiter" context={context} />, {
      send: worker.send,
    });
    expect(headings(container)).toEqual([]);
    expect(container.querySelector('[aria-busy="true"][aria-label="Open offers"]')).not.toBeNull();

    await worker.answer({ fits: [fit] });
    expect(headings(container)).toEqual(['Offers that fit Sofia Andersson Reyes']);
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(container.querySelectorAll('.al-offer')).toHaveLength(1);
  });

  it('are drawn without the fits when the worker is slow, and stay as drawn when its answer comes late', async () => {
    vi.useFakeTimers();
    const worker = slowFits();
    const { container } = await renderUi(<PersonCard alumnus={sofia} match={sofiaMatch} offers={[spotifyOffer]} role="recruiter" context={context} />, {
      send: worker.send,
    });
    expect(headings(container)).toEqual([]);
    await act(() => {
      vi.advanceTimersByTime(FITS_WAIT_MS);
    });
    expect(headings(container)).toEqual(['Open offers concerning Spotify']);
    await worker.answer({ fits: [fit] });
    expect(headings(container)).toEqual(['Open offers concerning Spotify']);
  });

  it('are drawn at once when there are no fits to wait for: an alumni user, or an alumnus who declined offers', async () => {
    const worker = slowFits();
    const alumniUser = await renderUi(<PersonCard alumnus={sofia} offers={[spotifyOffer]} role="alumni" context={context} />, { send: worker.send });
    expect(headings(alumniUser.container)).toEqual(['Open offers concerning Spotify']);
    alumniUser.unmount();

    const declined = { ...sofia, consent: { recognition: true, offers: false } };
    const staff = await renderUi(<PersonCard alumnus={declined} offers={[spotifyOffer]} role="recruiter" context={context} />, { send: worker.send });
    expect(headings(staff.container)).toEqual(['Open offers concerning Spotify']);
  });
});
