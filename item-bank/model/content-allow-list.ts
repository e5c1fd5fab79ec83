/**
 * What item content may hold, by (namespace, local name, attribute). Anything not listed here is
 * removed by the sanitiser (sanitise-content.ts). Browser-safe: imports nothing.
 *
 * QTI element names are those of the QTI 2.1, 2.2 and 3.0 ASI schemas in the 2.x spelling; XHTML
 * names are the XHTML subset QTI content allows (with the QTI 2.2/3.0 HTML5 additions); MathML is
 * presentation MathML without `maction`, `mglyph`, `malignmark` and `annotation-xml`; SVG is the
 * drawing subset without script, animation, `foreignObject` or `style`.
 */

export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
export const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';
export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** QTI elements (2.x spelling) of the 2.1, 2.2 and 3.0 schemas, other than their XHTML ones. */
export const QTI_ELEMENTS = set(`
  adaptiveEngineRef adaptiveSelection adaptiveSettingsRef and anyN areaMapEntry areaMapping assessmentItem
  assessmentItemRef assessmentSection assessmentSectionRef assessmentStimulus assessmentStimulusRef assessmentTest
  associableHotspot associateInteraction baseValue branchRule calculator calculatorInfo calculatorType card
  cardEntry catalog catalogInfo choiceInteraction companionMaterialsInfo containerSize contains contentBody
  contextDeclaration contextVariable correct correctResponse customInteraction customOperator default defaultValue
  delete description digitalMaterial divide drawingInteraction durationGTE durationGte durationLT durationLt
  endAttemptInteraction equal equalRounded exitResponse exitTemplate exitTest extendedTextInteraction feedbackBlock
  feedbackInline fieldValue fileHref gap gapImg gapMatchInteraction gapText gcd graphicAssociateInteraction
  graphicGapMatchInteraction graphicOrderInteraction gt gte hotspotChoice hotspotInteraction hottext
  hottextInteraction htmlContent incrementSi incrementUs index infoControl inlineChoice inlineChoiceInteraction
  inside integerDivide integerModulus integerToFloat interactionMarkup interactionModule interactionModules
  interpolationTable interpolationTableEntry isNull itemBody itemSessionControl lcm lookupOutcomeValue lt lte
  majorIncrement mapEntry mapResponse mapResponsePoint mapping match matchInteraction matchTable matchTableEntry
  mathConstant mathOperator max mediaInteraction member metadataRef min minimumLength minorIncrement modalFeedback
  multiple not null numberCorrect numberIncorrect numberPresented numberResponded numberSelected or
  orderInteraction ordered ordering outcomeCondition outcomeDeclaration outcomeElse outcomeElseIf outcomeIf
  outcomeMaximum outcomeMinimum outcomeProcessing outcomeProcessingFragment patternMatch physicalMaterial
  portableCustomInteraction positionObjectInteraction positionObjectStage power preCondition printedVariable
  product prompt protractor random randomFloat randomInteger repeat resourceIcon responseCondition
  responseDeclaration responseElse responseElseIf responseIf responseProcessing responseProcessingFragment round
  roundTo rubricBlock rule ruleSystemSi ruleSystemUs selectPointInteraction selection setCorrectResponse
  setDefaultValue setOutcomeValue setTemplateValue simpleAssociableChoice simpleChoice simpleMatchSet
  sliderInteraction statsOperator stimulusBody stringMatch stylesheet substring subtract sum templateBlock
  templateCondition templateConstraint templateDeclaration templateDefault templateElse templateElseIf templateIf
  templateInline templateProcessing templateVariable testFeedback testPart testVariables textEntryInteraction
  timeLimits truncate uploadInteraction usagedataRef value variable variableMapping weight
  include
`);

/** XHTML elements of QTI content, with the HTML5 ones of QTI 2.2/3.0 and a few inline ones Word imports use. */
export const HTML_ELEMENTS = set(`
  a abbr acronym address article aside audio b bdi bdo big blockquote br caption cite code col colgroup dd
  details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img kbd label li nav object ol
  p param picture pre q rb rp rt rtc ruby samp section small source span strong sub summary sup table tbody td
  tfoot th thead tr track tt ul var video u s mark ins del wbr
`);

const HTML_GLOBAL_ATTRIBUTES = set('id class style title lang xml:lang dir label role translate');

/** Attributes of XHTML elements beyond the global ones. */
export const HTML_ATTRIBUTES: Record<string, Set<string>> = {
  a: set('href type hreflang target'),
  img: set('src alt width height longdesc srcset sizes loading decoding type'),
  object: set('data type width height alt'),
  param: set('name value valuetype type'),
  table: set('summary border cellpadding cellspacing width'),
  td: set('abbr axis headers scope rowspan colspan align valign width'),
  th: set('abbr axis headers scope rowspan colspan align valign width'),
  tr: set('align valign'),
  thead: set('align valign'),
  tbody: set('align valign'),
  tfoot: set('align valign'),
  col: set('span align valign width'),
  colgroup: set('span align valign width'),
  ol: set('start type reversed'),
  ul: set('type'),
  li: set('value'),
  q: set('cite'),
  blockquote: set('cite'),
  ins: set('cite datetime'),
  del: set('cite datetime'),
  audio: set('src controls autoplay loop muted preload'),
  video: set('src controls autoplay loop muted preload poster width height playsinline'),
  source: set('src srcset type media sizes'),
  track: set('src kind srclang label default'),
  details: set('open'),
  bdo: set('dir'),
};

/** Presentation MathML (MathML 3 and MathML Core) without the elements that load, act or reparse. */
export const MATHML_ELEMENTS = set(`
  math mi mn mo ms mspace mtext mrow mfrac msqrt mroot mstyle merror mpadded mphantom mfenced menclose msub msup
  msubsup munder mover munderover mmultiscripts mprescripts none mtable mtr mtd mlabeledtr mstack mlongdiv msgroup
  msrow mscarries mscarry msline semantics annotation
`);

/** MathML attributes (presentational only: no href, src, definitionURL, altimg or actiontype). */
export const MATHML_ATTRIBUTES = set(`
  id class style dir displaystyle mathbackground mathcolor mathsize mathvariant scriptlevel display alttext
  overflow width height depth lspace rspace voffset form fence separator stretchy symmetric maxsize minsize
  largeop movablelimits accent accentunder linethickness numalign denomalign bevelled notation align columnalign
  rowalign columnlines rowlines columnspacing rowspacing columnspan rowspan columnwidth frame framespacing
  equalrows equalcolumns side minlabelspacing open close separators lquote rquote encoding linebreak
  indentalign indentshift subscriptshift superscriptshift fontsize fontweight fontstyle fontfamily color
  scriptminsize scriptsizemultiplier decimalpoint crossout position shift location length longdivstyle charalign
  charspacing stackalign xml:lang
`);

/** MathML elements whose content is text only. */
export const MATHML_TEXT_ELEMENTS = set('mi mn mo ms mtext annotation');

/** SVG drawing elements: no script, style, animation, foreignObject, a, or filters. */
export const SVG_ELEMENTS = set(`
  svg g defs title desc symbol use path rect circle ellipse line polyline polygon text tspan textPath
  linearGradient radialGradient stop clipPath mask pattern marker image
`);

export const SVG_ATTRIBUTES = set(`
  id class style transform x y x1 y1 x2 y2 cx cy r rx ry width height d points viewBox preserveAspectRatio fill
  fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-dasharray stroke-dashoffset
  stroke-miterlimit stroke-opacity opacity font-family font-size font-weight font-style text-anchor
  dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing text-decoration dx dy rotate
  textLength lengthAdjust offset stop-color stop-opacity gradientUnits gradientTransform spreadMethod fx fy fr
  patternUnits patternContentUnits patternTransform clipPathUnits clip-path clip-rule mask maskUnits
  maskContentUnits marker-start marker-mid marker-end markerWidth markerHeight markerUnits refX refY orient
  visibility display color vector-effect pathLength shape-rendering text-rendering role lang xml:lang version
  href xlink:href
`);

/** SVG elements whose href may only point inside the document (`#id`). */
export const SVG_LOCAL_HREF_ELEMENTS = set('use textPath linearGradient radialGradient pattern');

/**
 * Elements removed with everything inside them, in any namespace and any case: they run script,
 * load or frame documents, submit, restyle the page, navigate, or reparse differently as HTML.
 */
export const DANGEROUS_ELEMENTS = set(`
  script style iframe frame frameset embed applet base link meta form input button textarea select option
  optgroup datalist keygen noscript template xmp noembed noframes plaintext foreignobject annotation-xml mglyph
  malignmark animate animatemotion animatetransform animatecolor set handler listener portal dialog title
  isindex
`);

/** Namespaces whose elements follow the XHTML rules while staying foreign in the model. */
export const HTML_LIKE_NAMESPACES = new Set([
  'http://www.imsglobal.org/xsd/imsqtiv2p2_html5_v1p0',
  'html5',
  XHTML_NAMESPACE,
]);

export { HTML_GLOBAL_ATTRIBUTES };
