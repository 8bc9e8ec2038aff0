// Texts of the beranda page.
export default {
};
