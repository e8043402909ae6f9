/** Russian names of the zones Russian schools are in: people know their zone by its city, not its IANA id. */
const CITIES: Record<string, string> = {
  'Europe/Kaliningrad': 'Калининград',
  'Europe/Moscow': 'Москва',
  'Europe/Simferopol': 'Симферополь',
  'Europe/Kirov': 'Киров',
  'Europe/Volgograd': 'Волгоград',
  'Europe/Samara': 'Самара',
  'Europe/Saratov': 'Саратов',
  'Europe/Ulyanovsk': 'Ульяновск',
  'Europe/Astrakhan': 'Астрахань',
  'Asia/Yekaterinburg': 'Екатеринбург',
  'Asia/Omsk': 'Омск',
  'Asia/Novosibirsk': 'Новосибирск',
  'Asia/Barnaul': 'Барнаул',
  'Asia/Tomsk': 'Томск',
  'Asia/Novokuznetsk': 'Новокузнецк',
  'Asia/Krasnoyarsk': 'Красноярск',
  'Asia/Irkutsk': 'Иркутск',
  'Asia/Chita': 'Чита',
  'Asia/Yakutsk': 'Якутск',
  'Asia/Khandyga': 'Хандыга',
  'Asia/Vladivostok': 'Владивосток',
  'Asia/Ust-Nera': 'Усть-Нера',
  'Asia/Magadan': 'Магадан',
  'Asia/Sakhalin': 'Южно-Сахалинск',
  'Asia/Srednekolymsk': 'Среднеколымск',
  'Asia/Kamchatka': 'Петропавловск-Камчатский',
  'Asia/Anadyr': 'Анадырь',
};

/** The zone's offset from UTC at an instant, as people write it: «UTC+3», «UTC+5:30», «UTC». */
export function utcOffset(timeZone: string, at = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return (name ?? 'GMT').replace(/^GMT/, 'UTC').replace(/^UTC[+-]0$/, 'UTC');
  } catch {
    return '';
  }
}

/** «Москва (UTC+3)» for Europe/Moscow; a zone we have no Russian name for shows its city part as written. */
export function zoneLabel(timeZone: string, at = new Date()): string {
  const city = CITIES[timeZone] ?? timeZone.split('/').pop()!.replace(/_/g, ' ');
  const offset = utcOffset(timeZone, at);
  return offset && offset !== city ? `${city} (${offset})` : city;
}
