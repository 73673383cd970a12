/**
 * The CSV layouts Liaison reads, as data: for each program and language, a map from a
 * column's header text to the contact field it fills. `csv-layout.ts` picks the table
 * that knows most of a file's header and compiles it into a per-column plan.
 *
 * A target is a short code:
 * - a text field of `ContactFields` (`firstName`, `company`, `notes`…), or `birthday` /
 *   `anniversary` (read as dates in the table's day/month order);
 * - `email:N` / `emailType:N` (Outlook's E-mail N address and its type: `EX` marks an
 *   Exchange X.500 address that is left out with a warning);
 * - `phone:<PhoneKind>`; `phone:*` for a phone that has no slot of its own (Car Phone,
 *   Primary Phone…): it takes the `other` slot when that is free;
 * - `<business|home|other>.<street|street2|street3|city|region|postalCode|country>`;
 * - `categories` (split on `;`) or `groups` (Google: split on ` ::: `, system groups
 *   such as `* myContacts` dropped);
 * - Google's numbered label/value pairs: `gemail:N`, `gphone:N:label|value`,
 *   `gaddr:N:label|street|city|region|postalCode|country`, `grel:N:label|value`;
 * - `birth:year|month|day` (Thunderbird keeps the birthday in three columns);
 * - `-`: a column the program writes that Liaison knowingly does not read (Hobby,
 *   Mileage, fax numbers beyond the business fax…). Any header in none of these lists is
 *   reported once, in a notice.
 *
 * A header that appears twice in one layout (French Outlook's two "Titre" columns) maps
 * to a list of targets, one per occurrence, in column order.
 *
 * Header texts are matched after Unicode NFC, trimming (French Outlook writes "Société "
 * with a trailing space), collapsing inner white space and lower-casing.
 */

export type DateOrder = 'MDY' | 'DMY' | 'ISO';

export interface HeaderTable {
  /** A stable id: `outlook-en`, `google-old`, `thunderbird`… */
  readonly id: string;
  /** What the user is told the file was read as. */
  readonly label: string;
  readonly dateOrder: DateOrder;
  readonly columns: Readonly<Record<string, string | readonly string[]>>;
}

/** Phone, fax and address column names repeated for business/home/other, etc. */
function numbered(count: number, make: (n: number) => Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  for (let n = 1; n <= count; n++) Object.assign(all, make(n));
  return all;
}

/**
 * Outlook 2007–2016 / Microsoft 365 desktop, English, in export order. Source: the
 * 92-column header in ../shared/corpus/SOURCES.md ("Outlook CSV export: header lists",
 * found verbatim in several independent public code files). Outlook 2003 and older
 * write `Business Country` instead of `Business Country/Region` (same source).
 */
export const OUTLOOK_EN_HEADER = [
  'Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title',
  'Business Street', 'Business Street 2', 'Business Street 3', 'Business City', 'Business State',
  'Business Postal Code', 'Business Country/Region', 'Home Street', 'Home Street 2', 'Home Street 3', 'Home City',
  'Home State', 'Home Postal Code', 'Home Country/Region', 'Other Street', 'Other Street 2', 'Other Street 3',
  'Other City', 'Other State', 'Other Postal Code', 'Other Country/Region', "Assistant's Phone", 'Business Fax',
  'Business Phone', 'Business Phone 2', 'Callback', 'Car Phone', 'Company Main Phone', 'Home Fax', 'Home Phone',
  'Home Phone 2', 'ISDN', 'Mobile Phone', 'Other Fax', 'Other Phone', 'Pager', 'Primary Phone', 'Radio Phone',
  'TTY/TDD Phone', 'Telex', 'Account', 'Anniversary', "Assistant's Name", 'Billing Information', 'Birthday',
  'Business Address PO Box', 'Categories', 'Children', 'Directory Server', 'E-mail Address', 'E-mail Type',
  'E-mail Display Name', 'E-mail 2 Address', 'E-mail 2 Type', 'E-mail 2 Display Name', 'E-mail 3 Address',
  'E-mail 3 Type', 'E-mail 3 Display Name', 'Gender', 'Government ID Number', 'Hobby', 'Home Address PO Box',
  'Initials', 'Internet Free Busy', 'Keywords', 'Language', 'Location', "Manager's Name", 'Mileage', 'Notes',
  'Office Location', 'Organizational ID Number', 'Other Address PO Box', 'Priority', 'Private', 'Profession',
  'Referred By', 'Sensitivity', 'Spouse', 'User 1', 'User 2', 'User 3', 'User 4', 'Web Page',
] as const;

const OUTLOOK_EN: HeaderTable = {
  id: 'outlook-en',
  label: 'Outlook CSV (English)',
  dateOrder: 'MDY',
  columns: {
    Title: 'prefix', 'First Name': 'firstName', 'Middle Name': 'middleName', 'Last Name': 'lastName', Suffix: 'suffix',
    Company: 'company', Department: 'department', 'Job Title': 'jobTitle',
    ...addressColumns({ business: 'Business', home: 'Home', other: 'Other' }),
    "Assistant's Phone": 'phone:assistant', 'Business Fax': 'phone:businessFax', 'Business Phone': 'phone:business',
    'Business Phone 2': 'phone:business2', Callback: 'phone:*', 'Car Phone': 'phone:*', 'Company Main Phone': 'phone:companyMain',
    'Home Fax': '-', 'Home Phone': 'phone:home', 'Home Phone 2': 'phone:home2', ISDN: 'phone:*', 'Mobile Phone': 'phone:mobile',
    'Other Fax': '-', 'Other Phone': 'phone:other', Pager: 'phone:pager', 'Primary Phone': 'phone:*', 'Radio Phone': 'phone:*',
    'TTY/TDD Phone': 'phone:*', Telex: '-', Account: '-', Anniversary: 'anniversary', "Assistant's Name": 'assistantName',
    'Billing Information': '-', Birthday: 'birthday', 'Business Address PO Box': '-', Categories: 'categories', Children: '-',
    'Directory Server': '-', 'E-mail Address': 'email:1', 'E-mail Type': 'emailType:1', 'E-mail Display Name': '-',
    'E-mail 2 Address': 'email:2', 'E-mail 2 Type': 'emailType:2', 'E-mail 2 Display Name': '-',
    'E-mail 3 Address': 'email:3', 'E-mail 3 Type': 'emailType:3', 'E-mail 3 Display Name': '-',
    Gender: '-', 'Government ID Number': '-', Hobby: '-', 'Home Address PO Box': '-', Initials: '-', 'Internet Free Busy': '-',
    Keywords: '-', Language: '-', Location: '-', "Manager's Name": 'manager', Mileage: '-', Notes: 'notes', 'Office Location': '-',
    'Organizational ID Number': '-', 'Other Address PO Box': '-', Priority: '-', Private: '-', Profession: '-', 'Referred By': '-',
    Sensitivity: '-', Spouse: 'spouse', 'User 1': '-', 'User 2': '-', 'User 3': '-', 'User 4': '-', 'Web Page': 'webPage',
  },
};

/** English address columns: `Business Street`, `… Street 2/3`, City, State, Postal Code, Country/Region (and 2003's Country). */
function addressColumns(kinds: Record<'business' | 'home' | 'other', string>): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [kind, word] of Object.entries(kinds)) {
    Object.assign(columns, {
      [`${word} Street`]: `${kind}.street`, [`${word} Street 2`]: `${kind}.street2`, [`${word} Street 3`]: `${kind}.street3`,
      [`${word} City`]: `${kind}.city`, [`${word} State`]: `${kind}.region`, [`${word} Postal Code`]: `${kind}.postalCode`,
      [`${word} Country/Region`]: `${kind}.country`, [`${word} Country`]: `${kind}.country`,
    });
  }
  return columns;
}

/** Address columns of a language: for each kind (`business`, `home`, `other`), part → header(s). */
function localAddress(names: Record<string, Record<string, string | readonly string[]>>): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [kind, parts] of Object.entries(names)) {
    for (const [part, headers] of Object.entries(parts)) {
      for (const header of typeof headers === 'string' ? [headers] : headers) columns[header] = `${kind}.${part}`;
    }
  }
  return columns;
}

/**
 * French Outlook. Source: ../shared/corpus/SOURCES.md, "French (Outlook, French UI)":
 * Polytechnique.org platal's `$contact_fields['fr']` (column order, trailing spaces in
 * "Société " and "Service ", the two "Titre" columns: courtesy title first, job title
 * second), and Roundcube's `fr_FR/csv2vcard.inc` (the newer `Pays/Région (…)` spelling).
 * Neither was checked against a real Outlook export.
 */
const OUTLOOK_FR: HeaderTable = {
  id: 'outlook-fr',
  label: 'Outlook CSV (French)',
  dateOrder: 'DMY',
  columns: {
    Titre: ['prefix', 'jobTitle'], Prénom: 'firstName', 'Deuxième prénom': 'middleName', Nom: 'lastName', Suffixe: 'suffix',
    Surnom: 'nickname', Société: 'company', Service: 'department',
    ...localAddress(
      Object.fromEntries(
        (['business', 'home', 'other'] as const).map((kind) => {
          const w = { business: 'bureau', home: 'domicile', other: 'autre' }[kind];
          return [kind, {
            street: `Rue (${w})`, street2: `Rue (${w}) 2`, street3: `Rue (${w}) 3`, city: `Ville (${w})`,
            region: `Dép/Région (${w})`, postalCode: `Code postal (${w})`, country: [`Pays (${w})`, `Pays/Région (${w})`],
          }];
        }),
      ),
    ),
    "Téléphone de l'assistant(e)": 'phone:assistant', 'Télécopie (bureau)': 'phone:businessFax', 'Téléphone (bureau)': 'phone:business',
    'Téléphone 2 (bureau)': 'phone:business2', Rappel: 'phone:*', 'Téléphone (voiture)': 'phone:*', 'Téléphone société': 'phone:companyMain',
    'Télécopie (domicile)': '-', 'Téléphone (domicile)': 'phone:home', 'Téléphone 2 (domicile)': 'phone:home2', RNIS: 'phone:*',
    'Tél. mobile': 'phone:mobile', 'Télécopie (autre)': '-', 'Téléphone (autre)': 'phone:other', 'Récepteur de radiomessagerie': 'phone:pager',
    'Téléphone principal': 'phone:*', 'Radio téléphone': 'phone:*', 'Téléphone TDD/TTY': 'phone:*', Télex: '-',
    'Adresse de messagerie': 'email:1', 'Type de messagerie': 'emailType:1', "Nom complet de l'adresse de messagerie": '-',
    'Adresse de messagerie 2': 'email:2', 'Type de messagerie 2': 'emailType:2', "Nom complet de l'adresse de messagerie 2": '-',
    'Adresse de messagerie 3': 'email:3', 'Type de messagerie 3': 'emailType:3', "Nom complet de l'adresse de messagerie 3": '-',
    Anniversaire: 'birthday', 'Anniversaire de mariage ou fête': 'anniversary', 'Autre boîte postale': '-', 'B.P. professionnelle': '-',
    'Boîte postale du domicile': '-', Bureau: '-', Catégories: 'categories', 'Code gouvernement': '-', Compte: '-', 'Conjoint(e)': 'spouse',
    'Critère de diffusion': '-', 'Disponibilité Internet': '-', Emplacement: '-', Enfants: '-', 'Informations facturation': '-',
    Initiales: '-', Kilométrage: '-', Langue: '-', 'Mots clés': '-', "Nom de l'assistant(e)": 'assistantName', Notes: 'notes',
    "Numéro d'identification de l'organisation": '-', 'Page Web': 'webPage', 'Passe-temps': '-', Priorité: '-', Privé: '-',
    Profession: '-', 'Recommandé par': '-', Responsable: 'manager', "Serveur d'annuaire": '-', Sexe: '-',
    'Utilisateur 1': '-', 'Utilisateur 2': '-', 'Utilisateur 3': '-', 'Utilisateur 4': '-',
  },
};

/**
 * German Outlook. Source: public code that writes "CSV field names like Outlook uses"
 * (bytemine's eGroupware export script and several vCard→Outlook converters found by
 * code search, which agree on the column list), plus the Outlook names in Roundcube's
 * `program/localization/de_DE/csv2vcard.inc` (older spellings: `Land geschäftlich`,
 * `Region privat`). NOT checked against a real German Outlook export.
 */
const OUTLOOK_DE: HeaderTable = {
  id: 'outlook-de',
  label: 'Outlook CSV (German)',
  dateOrder: 'DMY',
  columns: {
    Anrede: 'prefix', Vorname: 'firstName', 'Weitere Vornamen': 'middleName', Nachname: 'lastName', Suffix: 'suffix',
    Firma: 'company', Abteilung: 'department', Position: 'jobTitle',
    ...localAddress({
      business: { street: 'Straße geschäftlich', street2: 'Straße geschäftlich 2', street3: 'Straße geschäftlich 3', city: 'Ort geschäftlich',
        region: 'Region geschäftlich', postalCode: 'Postleitzahl geschäftlich', country: ['Land/Region geschäftlich', 'Land geschäftlich'] },
      home: { street: 'Straße privat', street2: 'Straße privat 2', street3: 'Straße privat 3', city: 'Ort privat',
        region: ['Bundesland/Kanton privat', 'Region privat'], postalCode: 'Postleitzahl privat', country: ['Land/Region privat', 'Land privat'] },
      other: { street: 'Weitere Straße', street2: 'Weitere Straße 2', street3: 'Weitere Straße 3', city: 'Weiterer Ort',
        region: ['Weiteres/r Bundesland/Kanton', 'Weitere Region'], postalCode: 'Weitere Postleitzahl', country: ['Weiteres/e Land/Region', 'Weiteres Land'] },
    }),
    'Telefon Assistent': 'phone:assistant', 'Fax geschäftlich': 'phone:businessFax', 'Telefon geschäftlich': 'phone:business',
    'Telefon geschäftlich 2': 'phone:business2', Rückmeldung: 'phone:*', Autotelefon: 'phone:*', 'Telefon Firma': 'phone:companyMain',
    'Fax privat': '-', 'Telefon privat': 'phone:home', 'Telefon (privat)': 'phone:home', 'Telefon privat 2': 'phone:home2',
    'Telefon (privat 2)': 'phone:home2', ISDN: 'phone:*', Mobiltelefon: 'phone:mobile', 'Weiteres Fax': '-', 'Weiteres Telefon': 'phone:other',
    Pager: 'phone:pager', Haupttelefon: 'phone:*', 'Mobiltelefon 2': 'phone:*', 'Telefon für Hörbehinderte': 'phone:*', Funkruf: 'phone:*',
    Telex: '-', Abrechnungsinformation: '-', 'Benutzer 1': '-', 'Benutzer 2': '-', 'Benutzer 3': '-', 'Benutzer 4': '-', Beruf: '-', Büro: '-',
    'E-Mail-Adresse': 'email:1', 'E-Mail-Typ': 'emailType:1', 'E-Mail: Angezeigter Name': '-',
    'E-Mail 2: Adresse': 'email:2', 'E-Mail 2: Typ': 'emailType:2', 'E-Mail 2: Angezeigter Name': '-',
    'E-Mail 3: Adresse': 'email:3', 'E-Mail 3: Typ': 'emailType:3', 'E-Mail 3: Angezeigter Name': '-',
    'Empfohlen von': '-', Geburtstag: 'birthday', Geschlecht: '-', Hobby: '-', Initialen: '-', 'Internet Frei/Gebucht': '-',
    Jahrestag: 'anniversary', Kategorien: 'categories', Kinder: '-', Konto: '-', 'Name Assistent': 'assistantName', 'Assistent(in)': 'assistantName',
    'Name des/r Vorgesetzten': 'manager', 'Name des/der Vorgesetzten': 'manager', Notizen: 'notes', 'Organisationsnr.': '-', Ort: '-',
    Partner: 'spouse', 'Postfach geschäftlich': '-', 'Postfach privat': '-', Priorität: '-', Privat: '-', 'Regierungsnr.': '-',
    Reisekilometer: '-', Sprache: '-', Stichwörter: '-', Vertraulichkeit: '-', Verzeichnisserver: '-', Webseite: 'webPage', 'Weiteres Postfach': '-',
  },
};

/**
 * Spanish Outlook. Source: the Outlook names in Roundcube's
 * `program/localization/es_ES/csv2vcard.inc` (Nombre, Segundo nombre, Apellidos,
 * Organización, Puesto, Calle/Ciudad/Código postal del trabajo, Provincia o estado de
 * trabajo, País o región del trabajo, Otra calle…, Categorías, Dirección de correo
 * electrónico 2/3, Nombre del director, Teléfono del trabajo, Particular, Otro teléfono,
 * Buscapersonas, Teléfono principal, Página web). The home-address, e-mail-type,
 * assistant, spouse and date names are from general knowledge of Spanish Outlook.
 * NOT checked against a real Spanish Outlook export.
 */
const OUTLOOK_ES: HeaderTable = {
  id: 'outlook-es',
  label: 'Outlook CSV (Spanish)',
  dateOrder: 'DMY',
  columns: {
    Tratamiento: 'prefix', Nombre: 'firstName', 'Segundo nombre': 'middleName', Apellidos: 'lastName', Sufijo: 'suffix',
    Organización: 'company', Compañía: 'company', Departamento: 'department', Puesto: 'jobTitle', Apodo: 'nickname',
    ...localAddress({
      business: { street: 'Calle del trabajo', street2: 'Calle del trabajo 2', street3: 'Calle del trabajo 3', city: 'Ciudad de trabajo',
        region: 'Provincia o estado de trabajo', postalCode: 'Código postal del trabajo', country: 'País o región del trabajo' },
      home: { street: 'Calle del domicilio', street2: 'Calle del domicilio 2', street3: 'Calle del domicilio 3', city: 'Ciudad de residencia',
        region: 'Provincia o estado de residencia', postalCode: 'Código postal de residencia', country: 'País o región del domicilio' },
      other: { street: 'Otra calle', street2: 'Otra calle 2', street3: 'Otra calle 3', city: 'Otra ciudad',
        region: 'Otra provincia o estado', postalCode: 'Otro código postal', country: 'Otro país o región' },
    }),
    'Teléfono del asistente': 'phone:assistant', 'Fax del trabajo': 'phone:businessFax', 'Teléfono del trabajo': 'phone:business',
    'Teléfono del trabajo 2': 'phone:business2', 'Teléfono de la compañía': 'phone:companyMain', Particular: 'phone:home',
    'Particular 2': 'phone:home2', 'Fax particular': '-', Móvil: 'phone:mobile', 'Teléfono móvil': 'phone:mobile', 'Otro teléfono': 'phone:other',
    'Otro fax': '-', Buscapersonas: 'phone:pager', 'Teléfono principal': 'phone:*', 'Teléfono del automóvil': 'phone:*',
    Categorías: 'categories', 'Dirección de correo electrónico': 'email:1', 'Tipo de correo electrónico': 'emailType:1',
    'Dirección de correo electrónico 2': 'email:2', 'Tipo de correo electrónico 2': 'emailType:2',
    'Dirección de correo electrónico 3': 'email:3', 'Dirección del correo electrónico 3': 'email:3', 'Tipo de correo electrónico 3': 'emailType:3',
    'Nombre del director': 'manager', 'Nombre del asistente': 'assistantName', Cónyuge: 'spouse', Notas: 'notes',
    'Página web': 'webPage', Cumpleaños: 'birthday', Aniversario: 'anniversary', Género: '-', Sexo: '-',
  },
};

/**
 * Italian Outlook. Source: Roundcube's `program/localization/it_IT/csv2vcard.inc`,
 * which pairs each English Outlook field with its Italian header (Titolo, Nome, Secondo
 * Nome, Cognome, Società, Reparto, Qualifica, Indirizzo/Città/Provincia/CAP/Nazione di
 * lavoro, … di casa / di residenza, Via/Città/Stato/CAP Postale/Nazione Altro,
 * Categorie, Indirizzo E-mail 2/3, Nome del Responsabile, Coniuge, Note, Pagina Web,
 * Compleanno, Anniversario). The e-mail type names are a guess. NOT checked against a
 * real Italian Outlook export.
 */
const OUTLOOK_IT: HeaderTable = {
  id: 'outlook-it',
  label: 'Outlook CSV (Italian)',
  dateOrder: 'DMY',
  columns: {
    Titolo: 'prefix', Nome: 'firstName', 'Secondo Nome': 'middleName', Cognome: 'lastName', Suffisso: 'suffix',
    Società: 'company', Reparto: 'department', Qualifica: 'jobTitle',
    ...localAddress({
      business: { street: 'Indirizzo di lavoro', street2: 'Indirizzo di lavoro 2', street3: 'Indirizzo di lavoro 3', city: 'Città di lavoro',
        region: 'Provincia di lavoro', postalCode: 'CAP di lavoro', country: 'Nazione/Regione di lavoro' },
      home: { street: 'Indirizzo di casa', street2: 'Indirizzo di casa 2', street3: 'Indirizzo di casa 3', city: 'Città di residenza',
        region: 'Provincia di residenza', postalCode: 'CAP di casa', country: 'Nazione/Regione di casa' },
      other: { street: 'Via Altro', street2: 'Via Altro 2', street3: 'Via Altro 3', city: 'Città Altro',
        region: 'Stato Altro', postalCode: 'CAP Postale Altro', country: 'Nazione/Regione Altro' },
    }),
    "Telefono dell'assistente": 'phone:assistant', 'Fax di Lavoro': 'phone:businessFax', 'Telefono di Lavoro': 'phone:business',
    'Telefono di Lavoro 2': 'phone:business2', "Telefono dell'Auto": 'phone:*', 'Fax di casa': '-', 'Telefono di casa': 'phone:home',
    'Telefono di casa 2': 'phone:home2', 'Telefono Mobile': 'phone:mobile', 'Fax Altro': '-', 'Phone Altro': 'phone:other',
    'Telefono Altro': 'phone:other', 'Numero cercapersone': 'phone:pager', 'Telefono Principale': 'phone:*', Categorie: 'categories',
    'Indirizzo E-mail': 'email:1', 'Tipo E-mail': 'emailType:1', 'Indirizzo E-mail 2': 'email:2', 'Tipo E-mail 2': 'emailType:2',
    'Indirizzo E-mail 3': 'email:3', 'Tipo E-mail 3': 'emailType:3', 'Nome del Responsabile': 'manager',
    "Nome dell'assistente": 'assistantName', Coniuge: 'spouse', Note: 'notes', 'Pagina Web': 'webPage', Compleanno: 'birthday',
    Anniversario: 'anniversary', Genere: '-',
  },
};

/**
 * Brazilian Portuguese Outlook. Source: Roundcube's
 * `program/localization/pt_BR/csv2vcard.inc` (Título, Primeiro nome, Nome do meio,
 * Último nome, Sufixo, Empresa, Departamento, Cargo, Rua/Cidade/Estado/Código postal
 * comercial, Região/País comercial, … de casa, Outra Rua…, Fone comercial, Fone de casa,
 * Celular, Outro Fone, Categorias, Endereço de E-mail 2/3, Nome do gerente, Nome do
 * Assistente, Notas, Página Web, Aniversário). Roundcube maps "Aniversário" to both the
 * birthday and the anniversary; here it is the birthday. The e-mail type, spouse and
 * wedding-anniversary names are a guess. NOT checked against a real export.
 */
const OUTLOOK_PT: HeaderTable = {
  id: 'outlook-pt',
  label: 'Outlook CSV (Portuguese)',
  dateOrder: 'DMY',
  columns: {
    Título: 'prefix', 'Primeiro nome': 'firstName', 'Nome do meio': 'middleName', 'Último nome': 'lastName', Sobrenome: 'lastName',
    Sufixo: 'suffix', Empresa: 'company', Departamento: 'department', Cargo: 'jobTitle',
    ...localAddress({
      business: { street: 'Rua comercial', street2: 'Rua comercial 2', street3: 'Rua comercial 3', city: 'Cidade comercial',
        region: 'Estado comercial', postalCode: 'Código postal comercial', country: 'Região/País comercial' },
      home: { street: 'Rua de casa', street2: 'Rua de casa 2', street3: 'Rua de casa 3', city: 'Cidade de casa',
        region: 'Estado de casa', postalCode: 'Código Postal de casa', country: 'Região/País de casa' },
      other: { street: 'Outra Rua', street2: 'Outra Rua 2', street3: 'Outra Rua 3', city: 'Outra cidade',
        region: 'Outro Estado', postalCode: 'Outro Código Postal', country: 'Outro País/Região' },
    }),
    'Fone do Assistente': 'phone:assistant', 'Fax comercial': 'phone:businessFax', 'Fone comercial': 'phone:business',
    'Fone comercial 2': 'phone:business2', 'Fone do carro': 'phone:*', 'Fax de casa': '-', 'Fone de casa': 'phone:home',
    'Fone de casa 2': 'phone:home2', Celular: 'phone:mobile', 'Outro Fax': '-', 'Outro Fone': 'phone:other', Pager: 'phone:pager',
    'Fone Primario': 'phone:*', Categorias: 'categories', 'Endereço de E-mail': 'email:1', 'Tipo de E-mail': 'emailType:1',
    'Endereço de E-mail 2': 'email:2', 'Tipo de E-mail 2': 'emailType:2', 'Endereço de E-mail 3': 'email:3', 'Tipo de E-mail 3': 'emailType:3',
    'Nome do gerente': 'manager', 'Nome do Assistente': 'assistantName', Cônjuge: 'spouse', Notas: 'notes', 'Página Web': 'webPage',
    Aniversário: 'birthday', 'Aniversário de casamento': 'anniversary', Gênero: '-',
  },
};

/**
 * Dutch Outlook. Roundcube has no Dutch map and no public file with these headers was
 * found: the names below are written from general knowledge of Dutch Outlook's contact
 * form and have NOT been checked against any source or export. Treat as a best guess.
 */
const OUTLOOK_NL: HeaderTable = {
  id: 'outlook-nl',
  label: 'Outlook CSV (Dutch)',
  dateOrder: 'DMY',
  columns: {
    Titel: 'prefix', Voornaam: 'firstName', 'Middelste naam': 'middleName', Achternaam: 'lastName', Achtervoegsel: 'suffix',
    Bedrijf: 'company', Afdeling: 'department', Functie: 'jobTitle',
    ...localAddress(
      Object.fromEntries(
        (['business', 'home', 'other'] as const).map((kind) => {
          const w = { business: 'Werkadres', home: 'Huisadres', other: 'Ander adres' }[kind];
          return [kind, {
            street: `${w}, straat`, street2: `${w} 2, straat`, street3: `${w} 3, straat`, city: `${w}, plaats`,
            region: `${w}, provincie`, postalCode: `${w}, postcode`, country: `${w}, land/regio`,
          }];
        }),
      ),
    ),
    'Telefoon assistent': 'phone:assistant', 'Fax op werk': 'phone:businessFax', 'Telefoon op werk': 'phone:business',
    'Telefoon op werk 2': 'phone:business2', 'Hoofdtelefoon bedrijf': 'phone:companyMain', 'Telefoon thuis': 'phone:home',
    'Telefoon thuis 2': 'phone:home2', 'Fax thuis': '-', 'Mobiele telefoon': 'phone:mobile', 'Andere telefoon': 'phone:other',
    'Andere fax': '-', Pieper: 'phone:pager', Hoofdtelefoon: 'phone:*', Autotelefoon: 'phone:*', Terugbellen: 'phone:*',
    'E-mailadres': 'email:1', 'E-mailtype': 'emailType:1', 'Weergavenaam voor e-mail': '-',
    'E-mailadres 2': 'email:2', 'E-mailtype 2': 'emailType:2', 'Weergavenaam voor e-mail 2': '-',
    'E-mailadres 3': 'email:3', 'E-mailtype 3': 'emailType:3', 'Weergavenaam voor e-mail 3': '-',
    Categorieën: 'categories', Verjaardag: 'birthday', Jubileum: 'anniversary', 'Naam manager': 'manager',
    'Naam assistent': 'assistantName', Partner: 'spouse', Notities: 'notes', Webpagina: 'webPage', Geslacht: '-',
  },
};

/** Google's numbered columns (`Phone 3 - Value`…), up to this number. */
const GOOGLE_MAX_N = 20;

function googleNumbered(label: 'Type' | 'Label'): Record<string, string> {
  return numbered(GOOGLE_MAX_N, (n) => ({
    [`E-mail ${n} - ${label}`]: '-', [`E-mail ${n} - Value`]: `gemail:${n}`,
    [`Phone ${n} - ${label}`]: `gphone:${n}:label`, [`Phone ${n} - Value`]: `gphone:${n}:value`,
    [`Address ${n} - ${label}`]: `gaddr:${n}:label`, [`Address ${n} - Formatted`]: '-', [`Address ${n} - Street`]: `gaddr:${n}:street`,
    [`Address ${n} - City`]: `gaddr:${n}:city`, [`Address ${n} - PO Box`]: '-', [`Address ${n} - Region`]: `gaddr:${n}:region`,
    [`Address ${n} - Postal Code`]: `gaddr:${n}:postalCode`, [`Address ${n} - Country`]: `gaddr:${n}:country`,
    [`Address ${n} - Extended Address`]: '-',
    [`Relation ${n} - ${label}`]: `grel:${n}:label`, [`Relation ${n} - Value`]: `grel:${n}:value`,
    [`Website ${n} - ${label}`]: '-', [`Website ${n} - Value`]: 'webPage',
    [`Event ${n} - ${label}`]: '-', [`Event ${n} - Value`]: '-', [`IM ${n} - ${label}`]: '-', [`IM ${n} - Service`]: '-',
    [`IM ${n} - Value`]: '-', [`Custom Field ${n} - ${label}`]: '-', [`Custom Field ${n} - Value`]: '-',
    [`External ID ${n} - ${label}`]: '-', [`External ID ${n} - Value`]: '-',
  }));
}

/**
 * Google Contacts "Google CSV", the layout used before 2020. Source: the header of
 * ../shared/corpus/google-csv/roundcube_gmail.csv (see SOURCES.md).
 */
const GOOGLE_OLD: HeaderTable = {
  id: 'google-old',
  label: 'Google Contacts CSV (before 2020)',
  dateOrder: 'ISO',
  columns: {
    Name: 'fullName', 'Given Name': 'firstName', 'Additional Name': 'middleName', 'Family Name': 'lastName', 'Yomi Name': '-',
    'Given Name Yomi': '-', 'Additional Name Yomi': '-', 'Family Name Yomi': '-', 'Name Prefix': 'prefix', 'Name Suffix': 'suffix',
    Initials: '-', Nickname: 'nickname', 'Short Name': '-', 'Maiden Name': '-', Birthday: 'birthday', Gender: '-', Location: '-',
    'Billing Information': '-', 'Directory Server': '-', Mileage: '-', Occupation: '-', Hobby: '-', Sensitivity: '-', Priority: '-',
    Subject: '-', Notes: 'notes', 'Group Membership': 'groups', ...googleNumbered('Type'),
    ...numbered(GOOGLE_MAX_N, (n) => ({
      [`Organization ${n} - Type`]: '-', [`Organization ${n} - Name`]: 'company', [`Organization ${n} - Yomi Name`]: '-',
      [`Organization ${n} - Title`]: 'jobTitle', [`Organization ${n} - Department`]: 'department', [`Organization ${n} - Symbol`]: '-',
      [`Organization ${n} - Location`]: '-', [`Organization ${n} - Job Description`]: '-',
    })),
  },
};

/**
 * Google Contacts CSV, the current layout (2020 on). Source: the header listed in
 * ../shared/corpus/SOURCES.md ("Google Contacts CSV, current layout"), itself taken
 * from code that writes the format; no real export was found.
 */
const GOOGLE_NEW: HeaderTable = {
  id: 'google',
  label: 'Google Contacts CSV',
  dateOrder: 'ISO',
  columns: {
    'First Name': 'firstName', 'Middle Name': 'middleName', 'Last Name': 'lastName', 'Phonetic First Name': '-',
    'Phonetic Middle Name': '-', 'Phonetic Last Name': '-', 'Name Prefix': 'prefix', 'Name Suffix': 'suffix', Nickname: 'nickname',
    'File As': '-', 'Organization Name': 'company', 'Organization Title': 'jobTitle', 'Organization Department': 'department',
    Birthday: 'birthday', Notes: 'notes', Photo: '-', Labels: 'groups', ...googleNumbered('Label'),
  },
};

/**
 * Thunderbird's address-book export (CSV with commas, or tab-separated .txt). Source:
 * the headers of ../shared/corpus/thunderbird/*.csv (see SOURCES.md), written by
 * Thunderbird itself (`tb-addrbook_export.csv`) or for its import tests. A trailing
 * delimiter gives an empty last header, which is ignored.
 */
const THUNDERBIRD: HeaderTable = {
  id: 'thunderbird',
  label: 'Thunderbird CSV',
  dateOrder: 'ISO',
  columns: {
    'First Name': 'firstName', 'Last Name': 'lastName', 'Display Name': 'fullName', Nickname: 'nickname', 'Primary Email': 'email:1',
    'Secondary Email': 'email:2', 'Screen Name': '-', 'Work Phone': 'phone:business', 'Home Phone': 'phone:home',
    'Fax Number': 'phone:businessFax', 'Pager Number': 'phone:pager', 'Mobile Number': 'phone:mobile',
    'Home Address': 'home.street', 'Home Address 2': 'home.street2', 'Home City': 'home.city', 'Home State': 'home.region',
    'Home ZipCode': 'home.postalCode', 'Home Country': 'home.country', 'Work Address': 'business.street',
    'Work Address 2': 'business.street2', 'Work City': 'business.city', 'Work State': 'business.region',
    'Work ZipCode': 'business.postalCode', 'Work Country': 'business.country', 'Job Title': 'jobTitle', Department: 'department',
    Organization: 'company', 'Web Page 1': 'webPage', 'Web Page 2': '-', 'Birth Year': 'birth:year', 'Birth Month': 'birth:month',
    'Birth Day': 'birth:day', 'Custom 1': '-', 'Custom 2': '-', 'Custom 3': '-', 'Custom 4': '-', Notes: 'notes', '': '-',
  },
};

/** Every layout, in the order that wins a tie (Outlook English first). */
export const HEADER_TABLES: readonly HeaderTable[] = [
  OUTLOOK_EN, OUTLOOK_FR, OUTLOOK_DE, OUTLOOK_ES, OUTLOOK_IT, OUTLOOK_PT, OUTLOOK_NL, THUNDERBIRD, GOOGLE_NEW, GOOGLE_OLD,
];
