export const CONVERSION = { value: 'conversion', name: 'Conversion' };
