// Texts of the modem page.
export default {
};
