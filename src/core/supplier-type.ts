/**
 * What kind of organisation a supplier is, from its name as finance systems write it: public
 * bodies in their truncated forms ("Stockport M.B.C.", "Dept of Business Energy & Ind Strat",
 * "GMCA", "Central Mcr Uni Hospital t/a"), charities, social enterprises, co-operatives,
 * companies, and individuals, including names withheld as personal data.
 */
import type { SupplierType } from './codes';

/**
 * Names that stand for a person whose identity was withheld: "REDACTED", "Personal Data",
 * "Name withheld", "Private Individual", "XXXXX".
 */
const REDACTED =
  / (?:redact\w*|personal (?:data|information|details)|data protection|gdpr|withheld|name removed|anonymi[sz]ed|confidential|private (?:individual|person)s?|individuals?|not disclosed|undisclosed|x{3,}|\*{3,}) /;

/** Whether the supplier's name was withheld as personal data. */
export function isRedacted(name: string): boolean {
  const text = cleanName(name);
  return REDACTED.test(text) && !LEGAL_FORM.test(text);
}

/**
 * Public bodies recognisable whatever else the name says. "Council" needs a place qualifier or
 * to end the name ("Bury Council"), so that a youth or scout council is not taken for one.
 */
const PUBLIC_BODY = new RegExp(
  [
    // Local government.
    ' (?:borough|county|city|district|parish|town|metropolitan|community|village|unitary|neighbourhood) council ',
    ' (?:m ?b ?c|mdc|rbc|cbc|bc) $',
    '^ [a-z]{1,2}cc $', // "LCC", "MCC": a county or city council written as its initials
    ' (?:london|royal|metropolitan) borough ',
    '^ city of (?:\\w+ ){1,2}$', // "City of Sunderland", "City of York": the council of that city
    ' borough of ',
    ' combined(?: authorit\\w*)? ',
    ' gmca | tfgm | tfl | passenger transport ',
    ' transport for (?:greater manchester|london|the north|west midlands|wales) ',
    ' local government pension | pensions? (?:authority|agency) ',
    // Police, fire, justice.
    ' police | constabulary | fire (?:and )?rescue | fire authority | probation | magistrates | coroners? ',
    ' hm (?:revenue|customs|courts|land|treasury|prisons?|passport|government|coastguard|inspectorate|coroner)',
    ' (?:hm )?courts? (?:and )?tribunals? | court service | crown prosecution | national offender management ',
    // Health.
    ' nhs\\w* | ccg | clinical commissioning | health authority | primary care trust | foundation trust ',
    ' (?:university|uni|teaching|general|royal|district|community) hospitals? ',
    ' hospitals? (?:nhs|trust) | health board | public health england | health (?:education|security) (?:england|agency) ',
    // NHS bodies written without "NHS": "Newcastleupontyne Hospitaltrust", "X Mental Health Trust".
    ' \\w*hospitals?trust | mental health (?:trust|foundation|partnership) | ambulance service | integrated care (?:board|system) | icb ',
    // Central government and its agencies.
    ' dep(?:artmen)?t (?:of|for) | dept | ministry of | hmrc | hmcts | dwp | dvla | dvsa | dluhc | mhclg | dclg | defra | dfe | dft | dcms | desnz | dhsc ',
    ' cabinet office | home office | foreign office | treasury | accountant general | planning inspectorate ',
    ' environment agency | ofsted | ofgem | ofwat | ofcom | land registry | valuation office | companies house ',
    ' coal authority | network rail | national highways | highways england | (?:historic|natural|sport|homes) england ',
    ' arts council | ukvi | uk visas | electoral commission | information commissioner | ico | health and safety executive ',
    ' food standards agency | disclosure and barring | legal aid agency | student loans? company ',
    ' public works loan | pwlb | debt management office | gov uk ',
  ].join('|'),
);

/** "Pennine Mental Health": a place and "Mental Health", nothing else, is the NHS trust of that place. */
const PLACE_MENTAL_HEALTH = /^ (?:\w+ ){1,4}mental health (?:services? )?$/;

/** Academy trusts, which are companies: a legal form does not make them less a school. */
const ACADEMY_TRUST = / (?:academy|academies|learning|edu\w*|schools?) trust | multi academy /;

/** "Calderdale Schools Ltd": a place's schools, together, whatever their company form. */
const PLACE_SCHOOLS = /^ (?:\w+ ){1,3}schools (?:ltd|limited) $/;

/** "Bury Council", "BCP Council": a name that is a place and "Council". */
const PLAIN_COUNCIL = /^ (?:\w+ ){1,4}council (?:(?:direct debit|dd)\w* )*$/;
const NOT_COUNCIL = / (?:youth|scouts?|representative|trades|students?|pupils?|schools?|church|advisory|parochial) /;

/**
 * Schools, colleges, universities and pension funds. A legal form makes them a company
 * ("Salford Schools Solutions Ltd", an independent school company), and teaching a skill or
 * minding children after school does not make a school.
 */
const EDUCATION = new RegExp(
  [
    ' (?:primary|secondary|high|grammar|junior|infants?|nursery|special|community|ce|cofe|c of e|rc|catholic|methodist|church of england|endowed|comprehensive|middle|free|academy) schools? ',
    ' schools? $',
    ' (?:primary|secondary|special|high|junior|infants?|nursery) (?:sc|sch|scho|schoo) $', // cut short at 35 characters
    ' primary $',
    ' academ(?:y|ies) trust | multi academy | academy ',
    ' (?:sixth form|further education|technical) college | college(?: group)? $',
    ' university ',
    ' pension fund ',
  ].join('|'),
);
const NOT_EDUCATION =
  / (?:dance|beauty|training|sports?|flight|fitness|football|boxing|hair|lash|nails?|gym|theatre|music|drama|performing|driving|coaching|tutorial|staff|study|preparatory|independent|private|busy bees|third age|lush|aesthetics|make ?up|barbers?|pre school|after school|out of school|playgroup|of (?:dance|music|motoring)) /;

const LEGAL_FORM = / (?:ltd|limited|plc|llp|lp|inc|gmbh|llc|limi\w*|lt) /;

const COOPERATIVE =
  / (?:co ?operative|co ?op|coop|mutual|community benefit society|credit union|industrial and provident|bencom|workers? co) /;

const SOCIAL_ENTERPRISE = / (?:cic|community interest compan\w*|social enterprise) /;

const CHARITY = new RegExp(
  [
    ' charit\\w* | cio | trust | foundation | church | chapel | mosque | synagogue | gurdwara | temple | diocese | diocesan ',
    ' scouts? | guides | brownies | relief in need | friends of | citizens advice | age (?:uk|concern) | barnardo\\w* ',
    ' salvation army | womens? aid | food (?:bank|pantry) | hospice | british legion | poppy appeal | cancer research ',
    ' mind in | voluntary | cvs | womens institute | (?:community|residents|tenants) association | community (?:centre|project|group) ',
    // National care, disability and support charities, which councils everywhere commission.
    ' mencap | leonard cheshire | action for children | nspcc | turning point | change grow live | cgl | we are with you | addaction ',
    ' national autistic society | alzheimers society | carers trust | home start | ymca | ywca | st john ambulance | british red cross ',
    ' marie curie | macmillan | rnib | royal voluntary service | samaritans | catch22 | nacro | richmond fellowship | rethink mental ',
    ' making space | united response | macintyre | certitude | livability | community integrated care | choice support | real life options ',
    ' childrens society | sue ryder | royal mencap | sense international | scope for | headway ',
  ].join('|'),
);

/**
 * Housing associations (registered providers of social housing): not-for-profit landlords, most
 * of them charitable, whatever their company or society form.
 */
const HOUSING_ASSOCIATION = / housing (?:association|trust|society|group|partnership) | registered (?:provider|social landlord) /;

/** National charities whose names are plain words: the name must be the charity's alone ("Dimensions", "Scope (UK)"). */
const CHARITY_BY_NAME = /^ (?:the )?(?:dimensions|sense|scope|mind|shelter|humankind|crisis|centrepoint|mencap)(?: uk)?(?: ltd| limited)? $/;

const COMPANY = new RegExp(
  [
    ' (?:ltd|limited|plc|llp|lp|inc|gmbh|llc|limi\\w*|lt) ',
    ' (?:and|&) (?:co|sons?|partners) | company | group | holdings | partnership ',
    ' solicitors | associates | services | consult\\w* | construction | builders | contractors | engineering | engineers ',
    ' hire | motors | garage | hotels? | systems | solutions | supplies | software | technolog\\w* | trading | enterprises ',
    ' industries | international | recruitment | resourcing | architects | surveyors | accountants | energy | electrical ',
    ' plumbing | joinery | roofing | fencing | landscap\\w* | printing | print | design | media | marketing | advertising ',
    ' training | events | catering | cleaning | security | transport | taxis? | coaches | travel | haulage | logistics ',
    ' nurser(?:y|ies) | garden centre | products | machinery | equipment | fabrications | autos? | commercials | trucks ',
  ].join('|'),
);

/** A person named with a title, a barrister ("David Forsdick KC"), or someone's chambers. */
const INDIVIDUAL = /^ (?:mr|mrs|miss|ms|mx|dr|cllr|councillor|rev|revd|sir|dame|prof) | (?:kc|qc) | chambers /;

/** "Andrea Caldwell T/A Bottomleys": a sole trader when the name before "T/A" is no organisation. */
const TRADING_AS = / (?:t ?a|t ?as|trading as) /;

export function supplierType(name: string): SupplierType {
  const text = cleanName(name);
  if (text.trim() === '') return 'unknown';
  const hasLegalForm = LEGAL_FORM.test(text);
  if (REDACTED.test(text) && !hasLegalForm) return 'individual';
  if (PUBLIC_BODY.test(text) || PLACE_MENTAL_HEALTH.test(text)) return 'public_body';
  if (PLAIN_COUNCIL.test(text) && !NOT_COUNCIL.test(text)) return 'public_body';
  if ((ACADEMY_TRUST.test(text) || PLACE_SCHOOLS.test(text)) && !NOT_EDUCATION.test(text)) return 'public_body';
  if (EDUCATION.test(text) && !hasLegalForm && !NOT_EDUCATION.test(text)) return 'public_body';
  if (COOPERATIVE.test(text)) return 'cooperative';
  if (SOCIAL_ENTERPRISE.test(text)) return 'social_enterprise';
  if (CHARITY_BY_NAME.test(text) || HOUSING_ASSOCIATION.test(text)) return 'charity';
  if (CHARITY.test(text) && (!hasLegalForm || / charit/.test(text))) return 'charity';
  const tradingAs = hasLegalForm ? null : TRADING_AS.exec(text);
  if (tradingAs) {
    const owner = text.slice(0, tradingAs.index + 1);
    if (owner.trim() !== '' && !COMPANY.test(owner)) return 'individual';
  }
  if (COMPANY.test(text)) return 'company';
  if (INDIVIDUAL.test(text)) return 'individual';
  return 'unknown';
}

/**
 * Lower case, "&" as "and", punctuation as spaces, initials joined ("M.B.C." → "mbc"), padded
 * with spaces so that every pattern can match whole words with plain spaces.
 */
function cleanName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/['`\u2019]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9*]+/);
  let text = ' ';
  let initials = '';
  for (const word of words) {
    if (word === '') continue;
    if (word.length === 1 && word >= 'a' && word <= 'z') {
      initials += word;
      continue;
    }
    if (initials) text += initials + ' ';
    initials = '';
    text += word + ' ';
  }
  if (initials) text += initials + ' ';
  return text;
}
