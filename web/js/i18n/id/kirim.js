// Texts of the kirim page.
export default {
};
