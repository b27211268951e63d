import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships without messages ("Invalid input" for everything). Every schema module imports
// this once, so problems read as they did with the full library: "Too big: expected number to be
// <=600", not a bare "Invalid input".
z.config(en());
