// Texts of the riwayat page.
export default {
};
