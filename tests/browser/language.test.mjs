// English and Russian: the switch changes the interface and the data, the language is kept in the URL
// (reload and back restore it), and a text with no translation falls back to English, marked, with a
// notice saying how many.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openApp, openMenu } from './harness.mjs';

const minimal = readFileSync(new URL('../data/minimal.json', import.meta.url), 'utf8');
const cyrillic = /[\u0400-\u04FF]/;

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const lang = (page) => page.evaluate(() => document.documentElement.lang);
const cardTitle = (page) => page.textContent('#card-title');

test('the switch puts the interface and the data into Russian and back, keeping the selection', async () => {
  const page = await openApp(browser, server.url);
  assert.equal(await lang(page), 'en');
  assert.equal((await page.textContent('#tab-timeline')).trim(), 'Timeline');
  await page.waitForFunction((t) => document.title === t, 'The Union State of Russia and Belarus, treaty by treaty');
  await page.locator('#timeline-canvas').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.event-card[data-event-id]');
  const id = await page.getAttribute('.event-card', 'data-event-id');
  const english = await cardTitle(page);
  assert.doesNotMatch(english, cyrillic);

  await page.click('#lang-ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  await page.waitForFunction(() => /[\u0400-\u04FF]/.test(document.querySelector('#card-title')?.textContent ?? ''));
  assert.equal(await page.getAttribute('.event-card', 'data-event-id'), id, 'the same event stays selected');
  assert.equal((await page.textContent('#tab-timeline')).trim(), 'Хронология');
  assert.equal((await page.textContent('#play')).trim(), 'Пуск');
  assert.match(await page.textContent('.event-card .date'), /\d{4}/);
  assert.match(await page.textContent('.event-card h3'), /Источники|Расхождение|Задокументированное/);
  assert.match(await page.textContent('h1'), cyrillic, 'the dataset title');
  // The window's title is the dataset's, in Russian too (a saved PDF is named after it).
  await page.waitForFunction((t) => document.title === t, 'Союзное государство России и Беларуси: договор за договором');
  assert.equal(await page.getAttribute('#lang-ru', 'aria-pressed'), 'true');
  await page.waitForFunction(() => location.search.includes('lang=ru'));

  // The canvas is redrawn: its accessible name is in Russian too.
  assert.match(await page.getAttribute('#timeline-canvas', 'aria-label'), /Шкала времени/);
  // The keys help and the menu follow the language.
  await page.keyboard.press('?');
  await page.waitForSelector('#keys-help');
  assert.match(await page.textContent('#keys-help'), /Следующее событие/);
  await page.keyboard.press('Escape');
  await openMenu(page);
  assert.match(await page.textContent('#menu'), /Оформление/);

  await page.click('#lang-en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction((t) => document.querySelector('#card-title')?.textContent === t, english);
  await page.waitForFunction(() => !location.search.includes('lang='));
  await page.waitForFunction((t) => document.title === t, 'The Union State of Russia and Belarus, treaty by treaty');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a Russian card keeps a date together, says what a range shares once, and names the seed documents its text cites', async () => {
  const card = async (id) => {
    const page = await openApp(browser, `${server.url}?lang=ru&sel=${id}`);
    await page.waitForSelector(`.event-card[data-event-id="${id}"]`);
    const text = {
      title: await page.textContent('#card-title'),
      date: await page.textContent('.event-card .date'),
      sources: await page.$$eval('.event-card .sources li', (lis) => lis.map((li) => li.textContent)),
      // Each source's title and the language it is marked in.
      langs: await page.$$eval('.event-card .sources li', (lis) => lis.map((li) => {
        const t = li.querySelector('a, span[lang]') ?? li;
        return [t.textContent, t.closest('[lang]').lang];
      })),
    };
    assert.deepEqual(page.problems, []);
    await page.context().close();
    return text;
  };
  // "1 января 2004 г." never broken after the day or before "г."; a range of years known only as years.
  const promised = await card('single-currency-postponed');
  assert.match(promised.title, /с 1\u00a0января 2004\u00a0г\./);
  assert.equal(promised.date, '2004–2008\u00a0гг. (известны только годы)');
  // Its text cites "S1": the seed document is named so in its sources.
  assert.ok(promised.sources.some((s) => s.startsWith('S1: Report chapter')), promised.sources.join('\n'));
  // Its sources' titles are English, and marked so in the Russian page, for a screen reader's voice.
  for (const [title, lang] of promised.langs) assert.equal(lang, /[а-яё]/i.test(title) ? 'ru' : 'en', title);
  // Two days of one month, and two months of one year, written with what they share once.
  assert.equal((await card('programme-subjects-2021-11')).date, '8–9\u00a0нояб. 2021\u00a0г.');
  assert.equal((await card('single-currency-excluded-2021')).date, 'сент.\u00a0– нояб. 2021\u00a0г. (известны месяцы, но не дни)');
});

test("the language is in the link: reload, back and forward restore it; a wrong one is named, and a Russian link's wrong parts in Russian", async () => {
  const page = await openApp(browser, `${server.url}?view=mapping&lang=ru`);
  assert.equal(await lang(page), 'ru');
  assert.match(await page.textContent('.mapping-view'), /Дорожные карты\s— куда\?/);
  await page.reload();
  await page.waitForSelector('#mapping-canvas');
  assert.equal(await lang(page), 'ru');
  await page.click('#lang-en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('#tab-membership');
  await page.waitForSelector('#membership-canvas');
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('view=mapping'));
  await page.context().close();

  const wrong = await openApp(browser, `${server.url}?lang=de`);
  await wrong.waitForSelector('#notice');
  assert.match(await wrong.textContent('#notice'), /lang=de: not one of en, ru/);
  assert.equal(await lang(wrong), 'en');
  await wrong.context().close();

  // A Russian link's other wrong parts are explained in Russian.
  const ru = await openApp(browser, `${server.url}?lang=ru&view=nope&step=99&t=1800-01-01`);
  await ru.waitForSelector('#notice');
  const notice = await ru.textContent('#notice');
  assert.match(notice, /Часть параметров ссылки проигнорирована/);
  assert.match(notice, /view=nope: допустимо timeline, mapping, membership или depth/);
  assert.match(notice, /step=99: в рассказе шаги с 1 по \d+/);
  assert.match(notice, /t=1800-01-01: вне периода набора данных, с 1990-\d\d-\d\d по 2026-\d\d-\d\d; показано на 1990-/);
  assert.equal(await lang(ru), 'ru');
  assert.deepEqual(ru.problems, []);
  await ru.context().close();
});

test('a dataset without translations falls back to English, marked, with a notice', async () => {
  const page = await openApp(browser, `${server.url}?lang=ru`);
  page.setInputFiles('#dataset-file', { name: 'minimal.json', mimeType: 'application/json', buffer: Buffer.from(minimal) });
  await page.waitForSelector('#notice');
  const notice = await page.textContent('#notice');
  assert.match(notice, /Загружен minimal\.json/);
  assert.match(notice, /Текстов без перевода в этом наборе данных \(показаны на английском с пометкой \[EN\]\): 3\./);
  assert.match(await page.textContent('h1'), /^\[EN\] A minimal dataset/);
  // The event's title has its Russian translation; the summary is English, marked.
  await page.locator('#timeline-canvas').focus();
  await page.keyboard.press('Home');
  await page.waitForSelector('.event-card[data-event-id]');
  assert.equal(await cardTitle(page), 'Договор о создании Союзного государства');
  assert.match(await page.textContent('.event-card .summary'), /^\[EN\] Signed in Moscow/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the canvases draw in Russian: the road-map headings change width with the words', async () => {
  const page = await openApp(browser, `${server.url}?view=mapping`);
  const png = async () => page.locator('#mapping-canvas').screenshot();
  const en = await png();
  await page.click('#lang-ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  await page.waitForTimeout(300);
  const ru = await png();
  assert.notDeepEqual(en, ru, 'the diagram was redrawn with other words');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the playhead's date tab and the date beside the scrubber hold their whole date, every month, in both languages and on a phone", async () => {
  for (const [url, options] of [
    [`${server.url}?lang=ru`, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 }],
    [`${server.url}?lang=ru`, {}],
    [`${server.url}?lang=ru&embed=1&theme=projector`, { viewport: { width: 640, height: 360 } }],
    [server.url, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 }],
  ]) {
    const page = await openApp(browser, url, options);
    const clipped = [];
    let previous = await page.textContent('.playhead-tab');
    let previousDate = await page.textContent('#playhead-date');
    for (let month = 0; month < 12; month++) {
      const day = Date.UTC(2001, month, 15) / 86_400_000;
      await page.$eval(
        '#scrub',
        (el, d) => {
          el.value = String(d);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        },
        day,
      );
      // The tab is set in a frame after the playhead moves; each month brings a new label (on a
      // phone's narrow chart the tab names the year only).
      await page.waitForFunction(
        (before) => {
          const text = document.querySelector('.playhead-tab')?.textContent ?? '';
          return (text !== before || text === '2001') && text.endsWith('2001');
        },
        previous,
        { polling: 'raf' },
      );
      const tab = await page.$eval('.playhead-tab', (el) => ({ text: el.textContent, needs: el.scrollWidth, has: el.clientWidth }));
      if (tab.needs > tab.has) clipped.push(`${tab.text}: ${tab.needs} px of text in ${tab.has} px`);
      previous = tab.text;
      await page.waitForFunction((before) => {
        const text = document.querySelector('#playhead-date').textContent;
        return text !== before && text.endsWith('2001');
      }, previousDate);
      const date = await page.$eval('#playhead-date', (el) => ({ text: el.textContent, needs: el.scrollWidth, has: el.clientWidth }));
      if (date.needs > date.has) clipped.push(`beside the scrubber, ${date.text}: ${date.needs} px of text in ${date.has} px`);
      previousDate = date.text;
    }
    assert.deepEqual(clipped, [], `clipped at ${url} ${JSON.stringify(options)}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
