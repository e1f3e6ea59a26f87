/**
 * What an industrial distributor sells, as data the catalog generator draws from: the category
 * tree and, for each leaf, the product types, the variant axis (size, weight, rating…), product
 * attributes and packaging. Kept here so the generator stays logic only.
 */
export interface LeafSpec {
  readonly name: string;
  /** Three letters, used in SKUs. */
  readonly code: string;
  readonly nouns: readonly string[];
  /** Variants of one product differ along this axis (values in display order). */
  readonly axis: { readonly name: string; readonly values: readonly string[] };
  /** Product-level attributes; one value of each is chosen per product. */
  readonly attrs: Readonly<Record<string, readonly string[]>>;
  readonly uom: readonly string[];
  readonly packSizes: readonly number[];
  /** Weight of one sellable unit, grams. */
  readonly grams: readonly [number, number];
  /** Base price of one sellable unit in USD cents. */
  readonly cents: readonly [number, number];
  /** Short phrase for descriptions: what it is for. */
  readonly use: string;
}

export interface CategorySpec {
  readonly name: string;
  readonly children: readonly (CategorySpec | LeafSpec)[];
}

export const isLeaf = (c: CategorySpec | LeafSpec): c is LeafSpec => 'axis' in c;

const METRIC_BOLTS = ['M5 x 16 mm', 'M6 x 20 mm', 'M6 x 30 mm', 'M8 x 25 mm', 'M8 x 40 mm', 'M10 x 30 mm', 'M10 x 50 mm', 'M12 x 40 mm', 'M12 x 60 mm', 'M16 x 80 mm', 'M20 x 100 mm'];
const THREADS = ['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16', 'M20', 'M24'];
const SCREWS = ['3.5 x 25 mm', '4.0 x 30 mm', '4.0 x 40 mm', '4.5 x 50 mm', '5.0 x 60 mm', '5.0 x 80 mm', '6.0 x 100 mm', '6.0 x 120 mm'];
const ANCHORS = ['6 x 40 mm', '8 x 50 mm', '8 x 80 mm', '10 x 60 mm', '10 x 100 mm', '12 x 80 mm', '12 x 120 mm', '16 x 140 mm'];
const GLOVE_SIZES = ['6 / XS', '7 / S', '8 / M', '9 / L', '10 / XL', '11 / XXL'];
const GARMENT_SIZES = ['S', 'M', 'L', 'XL', 'XXL', '3XL'];
const SHOE_SIZES = ['EU 38', 'EU 39', 'EU 40', 'EU 41', 'EU 42', 'EU 43', 'EU 44', 'EU 45', 'EU 46', 'EU 47'];
const PIPE_MM = ['15 mm', '22 mm', '28 mm', '35 mm', '42 mm', '54 mm'];
const PIPE_IN = ['1/4"', '3/8"', '1/2"', '3/4"', '1"', '1-1/4"', '1-1/2"', '2"'];
const CABLE = ['1.0 mm²', '1.5 mm²', '2.5 mm²', '4 mm²', '6 mm²', '10 mm²', '16 mm²'];
const AMPS = ['6 A', '10 A', '16 A', '20 A', '25 A', '32 A', '40 A', '63 A'];
const COLOURS = ['White', 'Yellow', 'Red', 'Blue', 'Green', 'Orange', 'Black'];

export const CATALOG: readonly CategorySpec[] = [
  {
    name: 'Fasteners',
    children: [
      { name: 'Bolts', code: 'BLT', nouns: ['Hex Bolt', 'Hex Set Screw', 'Carriage Bolt', 'Flange Bolt', 'Coach Bolt'], axis: { name: 'size', values: METRIC_BOLTS }, attrs: { material: ['Carbon Steel', 'Stainless Steel A2', 'Stainless Steel A4', 'Alloy Steel'], finish: ['Zinc Plated', 'Hot-Dip Galvanised', 'Plain', 'Black Oxide'], grade: ['8.8', '10.9', '12.9', 'A2-70', 'A4-80'], standard: ['DIN 933', 'DIN 931', 'ISO 4017', 'ISO 4014', 'DIN 603'] }, uom: ['box'], packSizes: [50, 100, 200], grams: [300, 4000], cents: [450, 6800], use: 'structural and machinery assembly' },
      { name: 'Nuts', code: 'NUT', nouns: ['Hex Nut', 'Nyloc Nut', 'Flange Nut', 'Wing Nut', 'Dome Nut'], axis: { name: 'thread', values: THREADS }, attrs: { material: ['Carbon Steel', 'Stainless Steel A2', 'Stainless Steel A4', 'Brass'], finish: ['Zinc Plated', 'Hot-Dip Galvanised', 'Plain'], grade: ['8', '10', 'A2-70'], standard: ['DIN 934', 'DIN 985', 'ISO 4032', 'DIN 6923'] }, uom: ['box'], packSizes: [100, 250, 500], grams: [150, 3000], cents: [250, 3900], use: 'securing bolts and threaded rod' },
      { name: 'Washers', code: 'WSH', nouns: ['Flat Washer', 'Spring Washer', 'Penny Washer', 'Serrated Lock Washer'], axis: { name: 'thread', values: THREADS }, attrs: { material: ['Carbon Steel', 'Stainless Steel A2', 'Stainless Steel A4', 'Nylon'], finish: ['Zinc Plated', 'Plain', 'Hot-Dip Galvanised'], standard: ['DIN 125', 'DIN 127', 'DIN 9021', 'ISO 7089'] }, uom: ['box'], packSizes: [100, 500, 1000], grams: [100, 2500], cents: [180, 2400], use: 'spreading load under nuts and bolt heads' },
      { name: 'Screws', code: 'SCR', nouns: ['Wood Screw', 'Self-Tapping Screw', 'Chipboard Screw', 'Drywall Screw', 'Machine Screw', 'Self-Drilling Roofing Screw'], axis: { name: 'size', values: SCREWS }, attrs: { material: ['Carbon Steel', 'Stainless Steel A2', 'Hardened Steel'], finish: ['Yellow Zinc', 'Zinc Plated', 'Black Phosphate', 'Plain'], drive: ['Pozi PZ2', 'Phillips PH2', 'Torx T25', 'Hex 8 mm', 'Slotted'], head: ['Countersunk', 'Pan', 'Wafer', 'Hex Washer'] }, uom: ['box'], packSizes: [100, 200, 500], grams: [200, 2200], cents: [300, 4200], use: 'timber, sheet metal and board fixing' },
      { name: 'Anchors', code: 'ANC', nouns: ['Wedge Anchor', 'Sleeve Anchor', 'Nylon Wall Plug', 'Drop-In Anchor', 'Chemical Anchor Stud'], axis: { name: 'size', values: ANCHORS }, attrs: { material: ['Carbon Steel', 'Stainless Steel A4', 'Nylon'], finish: ['Zinc Plated', 'Hot-Dip Galvanised', 'Plain'], approval: ['ETA Option 1', 'ETA Option 7', 'None'] }, uom: ['box'], packSizes: [25, 50, 100], grams: [250, 3500], cents: [600, 9500], use: 'fixing into concrete, brick and block' },
      { name: 'Threaded Rod', code: 'ROD', nouns: ['Threaded Rod', 'Studding Bar'], axis: { name: 'thread', values: ['M6 x 1 m', 'M8 x 1 m', 'M10 x 1 m', 'M12 x 1 m', 'M16 x 1 m', 'M20 x 1 m', 'M24 x 1 m'] }, attrs: { material: ['Carbon Steel', 'Stainless Steel A2', 'Stainless Steel A4'], finish: ['Zinc Plated', 'Plain', 'Hot-Dip Galvanised'], grade: ['4.8', '8.8', 'A2-70'] }, uom: ['each', 'pack'], packSizes: [1, 5, 10], grams: [200, 3600], cents: [190, 2900], use: 'suspending services and through-bolting' },
    ],
  },
  {
    name: 'Tools',
    children: [
      {
        name: 'Hand Tools',
        children: [
          { name: 'Hammers', code: 'HAM', nouns: ['Claw Hammer', 'Ball Pein Hammer', 'Sledge Hammer', 'Club Hammer', 'Dead Blow Hammer', 'Rubber Mallet', 'Brick Hammer'], axis: { name: 'headWeight', values: ['300 g', '450 g', '570 g', '680 g', '900 g', '1.1 kg', '1.8 kg', '3.2 kg', '4.5 kg'] }, attrs: { handle: ['Fibreglass', 'Hickory', 'Forged Steel', 'Graphite'], head: ['Drop-Forged Steel', 'Polyurethane', 'Rubber'], grip: ['Anti-Vibration', 'Cushion', 'Leather'] }, uom: ['each'], packSizes: [1], grams: [400, 5200], cents: [850, 6900], use: 'driving, striking and demolition work' },
          { name: 'Spanners & Wrenches', code: 'SPN', nouns: ['Combination Spanner', 'Ring Spanner', 'Adjustable Wrench', 'Pipe Wrench', 'Torque Wrench'], axis: { name: 'size', values: ['8 mm', '10 mm', '13 mm', '17 mm', '19 mm', '24 mm', '30 mm', '36 mm'] }, attrs: { material: ['Chrome Vanadium', 'Chrome Molybdenum', 'Carbon Steel'], finish: ['Satin Chrome', 'Mirror Polish', 'Phosphate'], standard: ['DIN 3113', 'ISO 7738', 'ASME B107'] }, uom: ['each'], packSizes: [1], grams: [60, 1800], cents: [420, 21000], use: 'tightening and loosening nuts and bolts' },
          { name: 'Screwdrivers', code: 'SDR', nouns: ['Slotted Screwdriver', 'Phillips Screwdriver', 'Pozi Screwdriver', 'Insulated VDE Screwdriver', 'Torx Screwdriver'], axis: { name: 'tip', values: ['2.5 mm', '4 mm', '5.5 mm', '6.5 mm', 'PH1', 'PH2', 'PZ2', 'T20', 'T25'] }, attrs: { handle: ['Soft Grip', 'Acetate', 'Insulated 1000 V'], blade: ['Chrome Vanadium', 'S2 Steel'] }, uom: ['each'], packSizes: [1], grams: [40, 220], cents: [290, 2400], use: 'driving screws in assembly and maintenance' },
          { name: 'Pliers & Cutters', code: 'PLR', nouns: ['Combination Pliers', 'Long Nose Pliers', 'Side Cutters', 'Bolt Cutter', 'Water Pump Pliers'], axis: { name: 'length', values: ['150 mm', '180 mm', '200 mm', '250 mm', '300 mm', '600 mm', '900 mm'] }, attrs: { material: ['Chrome Vanadium', 'Carbon Steel', 'Tool Steel'], handle: ['Dual Component', 'Insulated 1000 V', 'Dipped'] }, uom: ['each'], packSizes: [1], grams: [150, 4500], cents: [650, 8900], use: 'gripping, bending and cutting' },
        ],
      },
      {
        name: 'Power Tools',
        children: [
          { name: 'Drills & Drivers', code: 'DRL', nouns: ['Cordless Drill Driver', 'Combi Drill', 'Impact Driver', 'SDS Plus Rotary Hammer', 'Magnetic Drill'], axis: { name: 'voltage', values: ['12 V', '18 V', '20 V', '36 V', '110 V', '230 V'] }, attrs: { battery: ['Bare Unit', '2 x 2.0 Ah', '2 x 5.0 Ah', 'Corded'], chuck: ['10 mm Keyless', '13 mm Keyless', 'SDS Plus', 'Hex 1/4"'], motor: ['Brushless', 'Brushed'] }, uom: ['each'], packSizes: [1], grams: [1200, 6500], cents: [6900, 49900], use: 'drilling and fastening on site' },
          { name: 'Grinders', code: 'GRD', nouns: ['Angle Grinder', 'Die Grinder', 'Bench Grinder', 'Straight Grinder'], axis: { name: 'voltage', values: ['18 V', '36 V', '110 V', '230 V'] }, attrs: { disc: ['115 mm', '125 mm', '150 mm', '230 mm'], power: ['750 W', '1100 W', '1400 W', '2200 W'], feature: ['Paddle Switch', 'Soft Start', 'Anti-Kickback'] }, uom: ['each'], packSizes: [1], grams: [1500, 7000], cents: [5900, 38900], use: 'cutting and grinding metal and masonry' },
          { name: 'Saws', code: 'SAW', nouns: ['Circular Saw', 'Reciprocating Saw', 'Jigsaw', 'Mitre Saw', 'Band Saw'], axis: { name: 'voltage', values: ['18 V', '36 V', '110 V', '230 V'] }, attrs: { blade: ['165 mm', '190 mm', '216 mm', '254 mm'], power: ['800 W', '1200 W', '1600 W', '2000 W'], motor: ['Brushless', 'Brushed'] }, uom: ['each'], packSizes: [1], grams: [2200, 16000], cents: [7900, 69900], use: 'cutting timber, metal and plastics' },
        ],
      },
      { name: 'Measuring Tools', code: 'MSR', nouns: ['Tape Measure', 'Spirit Level', 'Laser Distance Meter', 'Digital Caliper', 'Steel Rule'], axis: { name: 'range', values: ['3 m', '5 m', '8 m', '10 m', '30 m', '60 m', '150 mm', '300 mm', '600 mm', '1200 mm'] }, attrs: { accuracy: ['±0.5 mm', '±1 mm', '±0.02 mm', 'Class II'], housing: ['ABS', 'Aluminium', 'Rubberised'] }, uom: ['each'], packSizes: [1], grams: [90, 1400], cents: [490, 24900], use: 'measuring and setting out' },
    ],
  },
  {
    name: 'Safety',
    children: [
      { name: 'Gloves', code: 'GLV', nouns: ['Nitrile Coated Gloves', 'Cut Resistant Gloves', 'Leather Rigger Gloves', 'Disposable Nitrile Gloves', 'Chemical Gauntlets', 'Thermal Work Gloves'], axis: { name: 'size', values: GLOVE_SIZES }, attrs: { standard: ['EN 388:2016', 'EN 374', 'EN 407', 'EN 511'], cutLevel: ['A', 'B', 'C', 'D', 'F'], liner: ['Nylon', 'HPPE', 'Cotton', 'None'] }, uom: ['pair', 'box', 'pack'], packSizes: [1, 12, 100], grams: [60, 1200], cents: [190, 3400], use: 'hand protection on site and in workshops' },
      { name: 'Head Protection', code: 'HLM', nouns: ['Safety Helmet', 'Vented Safety Helmet', 'Bump Cap', 'Climbing Helmet'], axis: { name: 'colour', values: COLOURS }, attrs: { standard: ['EN 397', 'EN 812', 'EN 12492', 'ANSI Z89.1'], harness: ['6-Point Ratchet', '4-Point Slip', 'Wheel Ratchet'], material: ['HDPE', 'ABS', 'Polycarbonate'] }, uom: ['each'], packSizes: [1], grams: [280, 520], cents: [690, 5900], use: 'head protection against falling objects' },
      { name: 'Eye Protection', code: 'EYE', nouns: ['Safety Spectacles', 'Over-Spectacles', 'Safety Goggles', 'Face Shield'], axis: { name: 'lens', values: ['Clear', 'Smoke', 'Amber', 'Mirror', 'IR 5'] }, attrs: { standard: ['EN 166', 'EN 170', 'EN 172', 'ANSI Z87.1'], coating: ['Anti-Fog', 'Anti-Scratch', 'K & N Rated'] }, uom: ['each', 'box'], packSizes: [1, 10], grams: [25, 400], cents: [150, 2400], use: 'eye protection from impact and glare' },
      { name: 'Safety Footwear', code: 'FTW', nouns: ['Safety Boot', 'Safety Trainer', 'Rigger Boot', 'Safety Wellington'], axis: { name: 'size', values: SHOE_SIZES }, attrs: { standard: ['EN ISO 20345 S1P', 'EN ISO 20345 S3', 'ASTM F2413'], toecap: ['Steel', 'Composite'], upper: ['Leather', 'Microfibre', 'PVC'] }, uom: ['pair'], packSizes: [1], grams: [1100, 2400], cents: [2900, 14900], use: 'foot protection with toecap and midsole' },
      { name: 'Hi-Vis Clothing', code: 'HIV', nouns: ['Hi-Vis Vest', 'Hi-Vis Jacket', 'Hi-Vis Trousers', 'Hi-Vis Polo Shirt'], axis: { name: 'size', values: GARMENT_SIZES }, attrs: { standard: ['EN ISO 20471 Class 2', 'EN ISO 20471 Class 3', 'ANSI 107 Class 2'], colour: ['Yellow', 'Orange'], fabric: ['Polyester', 'Poly-Cotton', 'Mesh'] }, uom: ['each'], packSizes: [1], grams: [120, 1100], cents: [290, 7900], use: 'visibility in low light and near traffic' },
      { name: 'Respiratory', code: 'RSP', nouns: ['Disposable Respirator', 'Half Mask Respirator', 'Full Face Mask', 'Filter Cartridge'], axis: { name: 'rating', values: ['FFP1', 'FFP2', 'FFP3', 'P3', 'A2P3', 'ABEK1'] }, attrs: { standard: ['EN 149', 'EN 140', 'EN 136', 'EN 14387'], valve: ['Valved', 'Unvalved'] }, uom: ['each', 'box'], packSizes: [1, 10, 20], grams: [15, 700], cents: [90, 15900], use: 'protection from dust, mist and vapours' },
    ],
  },
  {
    name: 'Electrical',
    children: [
      { name: 'Cable & Wire', code: 'CBL', nouns: ['Twin & Earth Cable', 'Flexible Cable', 'Armoured SWA Cable', 'Single Core Conduit Wire', 'Control Cable'], axis: { name: 'crossSection', values: CABLE }, attrs: { voltage: ['300/500 V', '450/750 V', '0.6/1 kV'], insulation: ['PVC', 'XLPE', 'LSZH', 'Rubber'], cores: ['1', '2', '3', '4', '5'], length: ['50 m Drum', '100 m Drum', '500 m Drum'] }, uom: ['roll', 'drum'], packSizes: [1], grams: [2500, 60000], cents: [2900, 89000], use: 'power distribution and final circuits' },
      { name: 'Circuit Protection', code: 'CBR', nouns: ['MCB', 'RCBO', 'RCD', 'Isolator Switch', 'Surge Protection Device'], axis: { name: 'current', values: AMPS }, attrs: { voltage: ['230 V', '400 V'], poles: ['1P', '1P+N', '2P', '3P', '4P'], curve: ['B', 'C', 'D'], breaking: ['6 kA', '10 kA'] }, uom: ['each'], packSizes: [1, 12], grams: [100, 600], cents: [390, 8900], use: 'protecting circuits from overload and faults' },
      { name: 'Lighting', code: 'LGT', nouns: ['LED Floodlight', 'LED Batten', 'LED High Bay', 'LED Panel', 'Emergency Bulkhead'], axis: { name: 'power', values: ['10 W', '20 W', '30 W', '50 W', '100 W', '150 W', '200 W'] }, attrs: { voltage: ['110 V', '230 V', '100-277 V'], colourTemperature: ['3000 K', '4000 K', '5000 K', '6500 K'], ipRating: ['IP20', 'IP44', 'IP65', 'IP66'] }, uom: ['each'], packSizes: [1, 4, 10], grams: [400, 6500], cents: [990, 22900], use: 'site, warehouse and facility lighting' },
      { name: 'Sockets & Switches', code: 'SKT', nouns: ['Switched Socket', 'Industrial Socket', 'Light Switch', 'Fused Spur', 'Weatherproof Socket'], axis: { name: 'rating', values: ['13 A', '16 A', '20 A', '32 A', '63 A'] }, attrs: { voltage: ['110 V', '230 V', '400 V'], finish: ['White Moulded', 'Brushed Steel', 'Grey IP66'], gang: ['1 Gang', '2 Gang', '3 Gang'] }, uom: ['each', 'box'], packSizes: [1, 10], grams: [80, 900], cents: [190, 4900], use: 'power outlets and switching' },
      { name: 'Conduit & Trunking', code: 'CND', nouns: ['PVC Conduit', 'Steel Conduit', 'Flexible Conduit', 'Mini Trunking', 'Cable Tray'], axis: { name: 'diameter', values: ['16 mm', '20 mm', '25 mm', '32 mm', '50 mm', '100 mm', '150 mm'] }, attrs: { material: ['PVC', 'Galvanised Steel', 'Stainless Steel', 'Nylon'], length: ['3 m', '2 m', '25 m Coil'] }, uom: ['length', 'coil'], packSizes: [1, 10], grams: [300, 9000], cents: [190, 5900], use: 'routing and protecting cables' },
    ],
  },
  {
    name: 'Plumbing',
    children: [
      { name: 'Pipe Fittings', code: 'FIT', nouns: ['Compression Elbow', 'Compression Tee', 'Straight Coupler', 'Reducing Coupler', 'End Feed Elbow', 'Push-Fit Tee'], axis: { name: 'diameter', values: PIPE_MM }, attrs: { material: ['Brass', 'Copper', 'Plastic', 'Dezincification-Resistant Brass'], standard: ['EN 1254-2', 'EN 1254-1', 'WRAS Approved'] }, uom: ['each', 'bag'], packSizes: [1, 10, 25], grams: [30, 900], cents: [90, 2900], use: 'joining copper and plastic pipe' },
      { name: 'Valves', code: 'VLV', nouns: ['Ball Valve', 'Gate Valve', 'Check Valve', 'Butterfly Valve', 'Isolating Valve'], axis: { name: 'size', values: PIPE_IN }, attrs: { material: ['Brass', 'Bronze', 'Cast Iron', 'Stainless Steel 316'], pressure: ['PN16', 'PN25', 'PN40'], connection: ['BSP Female', 'NPT Female', 'Flanged', 'Compression'] }, uom: ['each'], packSizes: [1], grams: [120, 9000], cents: [490, 38900], use: 'isolating and controlling flow' },
      { name: 'Pipe & Tube', code: 'PIP', nouns: ['Copper Tube', 'PPR Pipe', 'uPVC Pressure Pipe', 'PEX Barrier Pipe', 'Galvanised Steel Pipe'], axis: { name: 'diameter', values: ['15 mm', '20 mm', '22 mm', '25 mm', '32 mm', '40 mm', '50 mm', '63 mm'] }, attrs: { material: ['Copper', 'PPR', 'uPVC', 'PEX-AL-PEX', 'Galvanised Steel'], length: ['3 m', '4 m', '6 m', '50 m Coil'], pressure: ['PN10', 'PN16', 'PN20'] }, uom: ['length', 'coil'], packSizes: [1], grams: [500, 25000], cents: [390, 14900], use: 'water supply and heating systems' },
      { name: 'Sealants & Tapes', code: 'SEL', nouns: ['PTFE Thread Tape', 'Thread Sealant Paste', 'Silicone Sealant', 'Pipe Repair Tape', 'Jointing Compound'], axis: { name: 'pack', values: ['12 mm x 12 m', '19 mm x 15 m', '50 ml', '100 ml', '310 ml', '400 g'] }, attrs: { colour: ['White', 'Clear', 'Grey', 'Black'], standard: ['WRAS Approved', 'EN 751-2', 'DVGW'] }, uom: ['each', 'box'], packSizes: [1, 10, 24], grams: [20, 600], cents: [60, 1900], use: 'sealing threaded joints and gaps' },
    ],
  },
];

/** Brand names with the category roots they make (a brand stays in its lane, as real ones do). */
export const BRANDS: readonly { readonly name: string; readonly roots: readonly string[] }[] = [
  { name: 'Stanway', roots: ['Tools'] },
  { name: 'Forgemaster', roots: ['Tools', 'Fasteners'] },
  { name: 'Kraftwerk Pro', roots: ['Tools'] },
  { name: 'Indus Steel', roots: ['Fasteners', 'Plumbing'] },
  { name: 'Boltline', roots: ['Fasteners'] },
  { name: 'Anchorfix', roots: ['Fasteners'] },
  { name: 'Hexa', roots: ['Fasteners', 'Tools'] },
  { name: 'Sentinel', roots: ['Safety'] },
  { name: 'Guardian PPE', roots: ['Safety'] },
  { name: 'Falcon Safety', roots: ['Safety'] },
  { name: 'Desert Shield', roots: ['Safety'] },
  { name: 'Voltra', roots: ['Electrical'] },
  { name: 'Lumio', roots: ['Electrical'] },
  { name: 'Gulf Cables', roots: ['Electrical'] },
  { name: 'Breakwell', roots: ['Electrical'] },
  { name: 'AquaFlow', roots: ['Plumbing'] },
  { name: 'Pipemaster', roots: ['Plumbing'] },
  { name: 'Rheinmetall Sanitär', roots: ['Plumbing'] },
  { name: 'Bengal Brass', roots: ['Plumbing', 'Fasteners'] },
  { name: 'Titan Works', roots: ['Tools', 'Safety'] },
  { name: 'Precis Essentials', roots: ['Fasteners', 'Tools', 'Safety', 'Electrical', 'Plumbing'] },
];

/** Where stock is held: one warehouse per market. */
export const WAREHOUSES = [
  { code: 'KHI', name: 'Karachi Port Qasim DC', country: 'PK', city: 'Karachi', timezone: 'Asia/Karachi' },
  { code: 'DXB', name: 'Dubai Jebel Ali DC', country: 'AE', city: 'Dubai', timezone: 'Asia/Dubai' },
  { code: 'RUH', name: 'Riyadh 2nd Industrial City DC', country: 'SA', city: 'Riyadh', timezone: 'Asia/Riyadh' },
  { code: 'DAC', name: 'Dhaka Tejgaon DC', country: 'BD', city: 'Dhaka', timezone: 'Asia/Dhaka' },
  { code: 'MAN', name: 'Manchester Trafford Park DC', country: 'GB', city: 'Manchester', timezone: 'Europe/London' },
  { code: 'HAM', name: 'Hamburg Hafen DC', country: 'DE', city: 'Hamburg', timezone: 'Europe/Berlin' },
  { code: 'CHI', name: 'Chicago Elk Grove DC', country: 'US', city: 'Chicago', timezone: 'America/Chicago' },
] as const;
