// Texts of the kotak-masuk page.
export default {
};
