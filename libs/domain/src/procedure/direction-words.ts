import type { Direction } from './values';

const normalise = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/**
 * The stems plans use in their section headings and rows, in the order they are tried: «удовлетворённость»
 * before «условия», and «условия» (кадры, питание …) before «результаты», because a heading such as «качество
 * условий … образовательных результатов» is about conditions.
 */
const STEMS: Array<[RegExp, Direction]> = [
  [/удовлетвор/, 'satisfaction'],
  [/услови|кадр|овз|здоровь|безопасн|питани/, 'conditions'],
  [/результат|аттестац|гиа|олимпиад|успеваем|учащи|обучающ|подготовк/, 'results'],
  [/процесс|деятельност|программ|методическ|мониторинг|контрол|воспитани/, 'process'],
];

/** A word that starts here: neither a letter nor a digit just before it. */
const w = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})`, 'u');

/**
 * What deputies call the usual procedures in a calendar, where no heading says the direction. Tried before
 * the stems: «Посещение уроков … обучающихся» is about the process, not about results.
 */
const PROCEDURE_NAMES: Array<[RegExp, Direction]> = [
  [w('анкетировани|опрос родител|опрос обучающ|опрос учащ|социологическ'), 'satisfaction'],
  [
    w(
      'впр(?![\\p{L}])|всероссийск\\S* проверочн|контрольн\\S* (работ|срез)|срез\\S* знаний|диагностическ\\S* работ|' +
        'пробн\\S* (огэ|егэ|экзамен)|огэ(?![\\p{L}])|егэ(?![\\p{L}])|итогов\\S* (собеседован|сочинен)|' +
        'промежуточн\\S* аттестац|административн\\S* (контрольн|срез)|диктант|техник\\S* чтения|олимпиад',
    ),
    'results',
  ],
  [
    w(
      'посещени\\S* (урок|занят)|взаимопосещени|открыт\\S* урок|наблюдени\\S* урок|' +
        'проверк\\S* (?:\\S+ )?(журнал|тетрад|дневник|рабоч|ктп)|классно-обобщающ|фронтальн\\S* контрол',
    ),
    'process',
  ],
  [
    w(
      'смотр\\S* кабинет|проверк\\S* (кабинет|оснащ|библиотеч)|оснащенност|материально-техническ|' +
        'санитарн|пожарн|курс\\S* повышения квалификац|аттестаци\\S* педагог',
    ),
    'conditions',
  ],
];

/** The direction a plan's heading or row names by its stems (the plan import's rule). */
export function directionOfText(text: string): Direction | undefined {
  const t = normalise(text);
  return STEMS.find(([stem]) => stem.test(t))?.[1];
}

/** The direction a procedure's title suggests: a usual procedure name first, then the plan stems. */
export function directionOfTitle(title: string): Direction | undefined {
  const t = normalise(title);
  return PROCEDURE_NAMES.find(([name]) => name.test(t))?.[1] ?? directionOfText(t);
}
