/** Markets the demo seller serves, with what a company there looks like. */
export interface CountrySpec {
  readonly code: string;
  readonly currency: string;
  readonly timezone: string;
  /** Locales buyers there use, weighted. */
  readonly locales: readonly (readonly [string, number])[];
  readonly legalSuffix: string;
  readonly cities: readonly { readonly city: string; readonly region: string; readonly postal: string | null; readonly timezone?: string }[];
  readonly stems: readonly string[];
  readonly streets: readonly string[];
  readonly phone: string;
  /** Makes a plausible tax / VAT id from digits. */
  readonly taxId: (digits: string) => string;
  readonly names: 'southAsian' | 'arabic' | 'english' | 'german';
}

export const COUNTRIES: readonly CountrySpec[] = [
  {
    code: 'PK', currency: 'PKR', timezone: 'Asia/Karachi', locales: [['en', 6], ['ur', 4]], legalSuffix: '(Pvt) Ltd', phone: '+92 21',
    cities: [{ city: 'Karachi', region: 'Sindh', postal: '74' }, { city: 'Lahore', region: 'Punjab', postal: '54' }, { city: 'Islamabad', region: 'Islamabad Capital Territory', postal: '44' }, { city: 'Faisalabad', region: 'Punjab', postal: '38' }, { city: 'Peshawar', region: 'Khyber Pakhtunkhwa', postal: '25' }],
    stems: ['Indus', 'Mehran', 'Ravi', 'Karakoram', 'Sapphire', 'Crescent', 'Margalla', 'Attock', 'Chenab', 'Jhelum', 'Thar', 'Khyber'],
    streets: ['Shahrah-e-Faisal', 'SITE Area Road 4', 'Korangi Industrial Area', 'Quaid-e-Azam Industrial Estate', 'Main Boulevard Gulberg', 'I-9 Industrial Area'],
    taxId: (d) => `${d.slice(0, 7)}-${d[7]}`, names: 'southAsian',
  },
  {
    code: 'AE', currency: 'AED', timezone: 'Asia/Dubai', locales: [['en', 7], ['ar', 3]], legalSuffix: 'LLC', phone: '+971 4',
    cities: [{ city: 'Dubai', region: 'Dubai', postal: null }, { city: 'Abu Dhabi', region: 'Abu Dhabi', postal: null }, { city: 'Sharjah', region: 'Sharjah', postal: null }],
    stems: ['Al Safa', 'Jebel', 'Al Rawda', 'Falaj', 'Creekside', 'Al Noor', 'Liwa', 'Hatta', 'Al Barsha', 'Marina', 'Dunes', 'Al Wasl'],
    streets: ['Jebel Ali Free Zone South', 'Al Quoz Industrial Area 3', 'Mussafah M-26', 'Sheikh Zayed Road', 'Industrial Area 12', 'Dubai Investments Park'],
    taxId: (d) => `100${d.padEnd(12, '0').slice(0, 12)}`, names: 'arabic',
  },
  {
    code: 'SA', currency: 'SAR', timezone: 'Asia/Riyadh', locales: [['ar', 6], ['en', 4]], legalSuffix: 'Co. Ltd', phone: '+966 11',
    cities: [{ city: 'Riyadh', region: 'Riyadh Province', postal: '1' }, { city: 'Jeddah', region: 'Makkah Province', postal: '2' }, { city: 'Dammam', region: 'Eastern Province', postal: '3' }],
    stems: ['Al Majd', 'Najd', 'Tuwaiq', 'Al Yamamah', 'Hijaz', 'Al Waha', 'Asir', 'Tabuk', 'Al Khobar', 'Nafud', 'Al Ula', 'Jubail'],
    streets: ['2nd Industrial City', 'King Fahd Road', 'Prince Sultan Street', 'Al Sulay District', 'Madinah Road', 'Dammam 1st Industrial City'],
    taxId: (d) => `3${d.padEnd(13, '0').slice(0, 13)}3`, names: 'arabic',
  },
  {
    code: 'BD', currency: 'BDT', timezone: 'Asia/Dhaka', locales: [['en', 5], ['bn', 5]], legalSuffix: 'Ltd', phone: '+880 2',
    cities: [{ city: 'Dhaka', region: 'Dhaka Division', postal: '12' }, { city: 'Chattogram', region: 'Chattogram Division', postal: '40' }, { city: 'Gazipur', region: 'Dhaka Division', postal: '17' }],
    stems: ['Padma', 'Meghna', 'Jamuna', 'Sundarban', 'Karnaphuli', 'Teesta', 'Surma', 'Rupsha', 'Bengal', 'Sonargaon', 'Madhumati', 'Kushiyara'],
    streets: ['Tejgaon Industrial Area', 'Kawran Bazar', 'Agrabad C/A', 'Tongi Industrial Area', 'Motijheel C/A', 'Savar EPZ'],
    taxId: (d) => `${d.slice(0, 9)}-0101`, names: 'southAsian',
  },
  {
    code: 'GB', currency: 'GBP', timezone: 'Europe/London', locales: [['en', 1]], legalSuffix: 'Ltd', phone: '+44 161',
    cities: [{ city: 'Manchester', region: 'England', postal: 'M17' }, { city: 'London', region: 'England', postal: 'E14' }, { city: 'Birmingham', region: 'England', postal: 'B6' }, { city: 'Glasgow', region: 'Scotland', postal: 'G51' }, { city: 'Leeds', region: 'England', postal: 'LS11' }],
    stems: ['Pennine', 'Mersey', 'Thames', 'Ashdown', 'Cheviot', 'Irwell', 'Severn', 'Tyne', 'Cotswold', 'Clyde', 'Trent', 'Humber'],
    streets: ['Trafford Park Road', 'Westinghouse Road', 'Tyburn Road', 'Hillington Park', 'Canal Street', 'Commercial Road'],
    taxId: (d) => `GB${d.slice(0, 9)}`, names: 'english',
  },
  {
    code: 'DE', currency: 'EUR', timezone: 'Europe/Berlin', locales: [['de', 6], ['en', 4]], legalSuffix: 'GmbH', phone: '+49 40',
    cities: [{ city: 'Hamburg', region: 'Hamburg', postal: '20' }, { city: 'Munich', region: 'Bavaria', postal: '80' }, { city: 'Berlin', region: 'Berlin', postal: '10' }, { city: 'Stuttgart', region: 'Baden-Württemberg', postal: '70' }, { city: 'Duisburg', region: 'North Rhine-Westphalia', postal: '47' }],
    stems: ['Elbe', 'Rhein', 'Nordstern', 'Alster', 'Weser', 'Harz', 'Spree', 'Isar', 'Neckar', 'Taunus', 'Eifel', 'Ruhr'],
    streets: ['Hafenstraße', 'Industriestraße', 'Am Sandtorkai', 'Gewerbering', 'Werkstraße', 'Hansaallee'],
    taxId: (d) => `DE${d.slice(0, 9)}`, names: 'german',
  },
  {
    code: 'US', currency: 'USD', timezone: 'America/Chicago', locales: [['en', 1]], legalSuffix: 'Inc.', phone: '+1 312',
    cities: [{ city: 'Chicago', region: 'Illinois', postal: '606' }, { city: 'Houston', region: 'Texas', postal: '770' }, { city: 'Pittsburgh', region: 'Pennsylvania', postal: '152', timezone: 'America/New_York' }, { city: 'Denver', region: 'Colorado', postal: '802', timezone: 'America/Denver' }, { city: 'Phoenix', region: 'Arizona', postal: '850', timezone: 'America/Phoenix' }],
    stems: ['Lakeshore', 'Prairie', 'Great Lakes', 'Keystone', 'Mesa', 'Frontier', 'Ironwood', 'Redrock', 'Bayou', 'Summit', 'Heartland', 'Riverbend'],
    streets: ['Elk Grove Village Blvd', 'S Halsted St', 'Industrial Park Dr', 'Commerce Pkwy', 'W Pershing Rd', 'Gateway Blvd'],
    taxId: (d) => `${d.slice(0, 2)}-${d.slice(2, 9)}`, names: 'english',
  },
];

/** How the seller's customers spread over its markets. */
export const COUNTRY_WEIGHTS: Readonly<Record<string, number>> = { PK: 26, AE: 18, SA: 16, BD: 12, GB: 10, DE: 9, US: 9 };

export const INDUSTRIES = ['construction', 'mining', 'manufacturing', 'utilities', 'facilities', 'oil-and-gas', 'logistics', 'hospitality', 'healthcare', 'agriculture'] as const;

export const INDUSTRY_WORD: Readonly<Record<string, readonly string[]>> = {
  construction: ['Construction', 'Builders', 'Contracting', 'Infrastructure'],
  mining: ['Mining', 'Minerals', 'Quarries', 'Resources'],
  manufacturing: ['Manufacturing', 'Engineering', 'Fabrication', 'Industries'],
  utilities: ['Power', 'Water', 'Energy', 'Utilities'],
  facilities: ['Facilities Management', 'Property Services', 'Maintenance'],
  'oil-and-gas': ['Petroleum', 'Oilfield Services', 'Gas'],
  logistics: ['Logistics', 'Freight', 'Warehousing'],
  hospitality: ['Hotels', 'Hospitality'],
  healthcare: ['Hospitals', 'Healthcare'],
  agriculture: ['Agro', 'Farms', 'Irrigation'],
};

export const GROUP_WORDS = ['Group', 'Holdings', 'Enterprises', 'Industries'];
export const DESCRIPTORS = ['Star', 'Valley', 'United', 'National', 'Prime', 'Royal', 'Metro', 'Allied', 'General', 'Pioneer', 'Eastern', 'Western'];
export const SITE_WORDS = ['Site', 'Plant', 'Warehouse', 'Project Office', 'Depot', 'Workshop'];

export const TAGS = ['key-account', 'tier-gold', 'tier-silver', 'tier-bronze', 'government', 'export', 'net-60', 'new-2026', 'tender', 'framework-agreement'];

export const NAMES = {
  southAsian: {
    first: ['Ayesha', 'Bilal', 'Sana', 'Omar', 'Fatima', 'Hamza', 'Zainab', 'Imran', 'Nadia', 'Farhan', 'Rashid', 'Tahmina', 'Arif', 'Nusrat', 'Kamal', 'Shirin', 'Usman', 'Mariam'],
    last: ['Khan', 'Ahmed', 'Hussain', 'Siddiqui', 'Chowdhury', 'Rahman', 'Malik', 'Qureshi', 'Hossain', 'Iqbal', 'Sheikh', 'Islam', 'Butt', 'Akhtar'],
  },
  arabic: {
    first: ['Ahmed', 'Layla', 'Khalid', 'Noura', 'Faisal', 'Huda', 'Yousef', 'Mariam', 'Saeed', 'Reem', 'Tariq', 'Amal', 'Hassan', 'Dana', 'Majid', 'Salma'],
    last: ['Al Mansouri', 'Al Harbi', 'Al Qahtani', 'Al Otaibi', 'Haddad', 'Al Shamsi', 'Al Ghamdi', 'Nasser', 'Al Zahrani', 'Al Suwaidi', 'Khoury', 'Al Dosari'],
  },
  english: {
    first: ['James', 'Emma', 'Oliver', 'Sophie', 'Daniel', 'Grace', 'Michael', 'Hannah', 'Thomas', 'Chloe', 'Ryan', 'Megan', 'David', 'Laura', 'Chris', 'Rachel'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Davies', 'Evans', 'Johnson', 'Walker', 'Wright', 'Robinson', 'Thompson', 'Miller', 'Garcia'],
  },
  german: {
    first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Mia', 'Paul', 'Lena', 'Maximilian', 'Sophie', 'Tobias', 'Katrin', 'Jan', 'Julia'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter'],
  },
} as const;
