/** The drag-and-drop payload type of a palette block (its value is the Keras class name). */
export const paletteDragType = 'application/x-blockprop-layer';
