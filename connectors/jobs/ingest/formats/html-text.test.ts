import { expect } from 'chai';
import { decodeEntities, htmlToText, looksLikeHtml } from './html-text.ts';

describe('htmlToText', () => {
  const table: Array<[string, string]> = [
    ['<p>Hej</p><p>Då</p>', 'Hej\nDå'],
    ['Rad 1<br>Rad 2<br/>Rad 3', 'Rad 1\nRad 2\nRad 3'],
    ['<ul><li>Ett</li><li>Två</li></ul>', '• Ett\n• Två'],
    ['a <b>fet</b> text', 'a fet text'],
    ['<script>alert(1)</script>ok<style>p{}</style>', 'ok'],
    ['<!-- dold -->synlig', 'synlig'],
    ['R&amp;D &lt;3 &auml;&#229;&#x00F6; &nbsp;x', 'R&D <3 äåö x'],
    ['a < b och c > d', 'a < b och c > d'],
    ['oavslutad <b', 'oavslutad <b'],
    ['<script>aldrig stängd', ''],
    ['&#0; &#xD800; &bogus;', '&bogus;'],
  ];
  for (const [html, text] of table) it(`${JSON.stringify(html)} -> ${JSON.stringify(text)}`, () => expect(htmlToText(html)).to.equal(text));

  it('stays linear on hostile markup', () => {
    for (const hostile of ['<'.repeat(200_000), '<a'.repeat(100_000), '<script>'.repeat(25_000), '<!--'.repeat(50_000)]) {
      const t0 = performance.now();
      htmlToText(hostile);
      expect(performance.now() - t0, hostile.slice(0, 10)).to.be.below(500);
    }
  });

  it('tells markup from plain text', () => {
    expect(looksLikeHtml('<p>x</p>')).to.equal(true);
    expect(looksLikeHtml('R&amp;D')).to.equal(true);
    expect(looksLikeHtml('3 < 4 och 5 > 2')).to.equal(false);
    expect(decodeEntities('&quot;x&quot;')).to.equal('"x"');
  });
});
