// Texts of the agenda page.
export default {
};
