/** CSS pixels in a centimetre (96 px to the inch), the scale item pictures are drawn at. */
export const CM = 96 / 2.54;
