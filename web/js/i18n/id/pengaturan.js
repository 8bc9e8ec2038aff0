// Texts of the pengaturan page.
export default {
};
