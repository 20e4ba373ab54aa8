// Replaced by the background worker (issue 5); present so that `wxt prepare` has an entrypoint.
export default defineBackground(() => {});
