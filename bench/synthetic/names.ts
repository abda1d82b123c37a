/**
 * Names for synthetic entities: French-looking, unique per index (so search has one right answer), and with
 * accents in some of them (so accent-insensitive search is exercised).
 */

const SYLLABLES = [
  'bel', 'mont', 'ver', 'char', 'lan', 'bré', 'val', 'cour', 'roc', 'sau', 'mar', 'ville', 'lou', 'gar',
  'pon', 'tré', 'bois', 'fon', 'ray', 'dor', 'cas', 'nel', 'vic', 'lor', 'sé', 'mir', 'tal', 'ger',
  'bour', 'cham', 'pré', 'lis', 'ron', 'mé', 'vau', 'sol', 'fer', 'ac', 'den', 'quin',
] as const;

const FIRST_NAMES = [
  'Marie', 'Jean', 'Anne', 'Pierre', 'Claire', 'Louis', 'Sophie', 'Michel', 'Hélène', 'François', 'Isabelle',
  'Jacques', 'Nathalie', 'Philippe', 'Céline', 'Gérard', 'Julie', 'Bernard', 'Élise', 'Alain', 'Camille',
  'Thierry', 'Agnès', 'Olivier', 'Valérie', 'Marc', 'Sylvie', 'Laurent', 'Chloé', 'Denis',
] as const;

/** A unique, pronounceable stem for an index (bijective: two indexes never share a stem). */
export function stem(index: number, minSyllables = 2): string {
  const parts: string[] = [];
  let rest = index;
  do {
    parts.push(SYLLABLES[rest % SYLLABLES.length]!);
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || parts.length < minSyllables);
  const word = parts.join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const ORG_PREFIX: Record<string, readonly string[]> = {
  company: ['Société', 'Groupe', 'Compagnie', 'Éditions'],
  public_body: ['Agence', 'Office', 'Caisse'],
  local_authority: ['Ville de', 'Communauté urbaine de', 'Conseil général de', 'Région'],
  association: ['Association', 'Fédération', 'Collectif'],
  school: ['Université de', 'Lycée', 'École'],
  media: ['Radio', 'Journal', 'Télé'],
  fund: ['Fonds', 'Fondation'],
  club: ['Club', 'Cercle'],
  other: ['Institut'],
};

export function organisationName(index: number, type: string, variant: number): string {
  const prefixes = ORG_PREFIX[type] ?? ORG_PREFIX.other!;
  return `${prefixes[variant % prefixes.length]} ${stem(index)}`;
}

/** Person names: a first name and a surname unique to (organisation, staff number). */
export function personName(flatIndex: number, variant: number): string {
  return `${FIRST_NAMES[variant % FIRST_NAMES.length]} ${stem(flatIndex + 7, 3)}`;
}

export function placeName(index: number): string {
  return `${stem(index + 101)}-sur-${stem(index * 7 + 3, 1)}`;
}

export const REGIONS = [
  'Île-de-France', 'Nord', 'Rhône-Alpes', 'Bretagne', 'Aquitaine', 'Provence', 'Alsace', 'Lorraine', 'Normandie',
  'Auvergne', 'Bourgogne', 'Picardie', 'Occitanie',
] as const;

export const THEMES = [
  'numérique', 'emploi', 'formation', 'innovation', 'inclusion', 'logiciel libre', 'éducation', 'santé',
  'mobilité', 'culture', 'entrepreneuriat', 'sécurité', 'environnement', 'e-citoyenneté',
] as const;
