// Texts of the kontak page.
export default {
};
