# SPDX-License-Identifier: GPL-3.0-or-later
"""What the web UI's tests do on a page: wait for it, find things, open pages, log in, and send
requests from the page's own JavaScript. A mixin for unittest.TestCase classes that have
`driver` (Selenium's) and `base_url` (siarand's)."""

try:
    from selenium.common.exceptions import (ElementClickInterceptedException, ElementNotInteractableException,
                                            StaleElementReferenceException, TimeoutException)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # web_ui_test.py skips the test, saying why
    pass

# A page shows what the API says at once; siarand under AddressSanitizer answers slowly.
UI_TIMEOUT = 20


class PageSteps:
    def wait(self, condition, what, timeout=UI_TIMEOUT):
        """condition(driver) until true; on timeout the failure says `what` (a text, or a
        function giving it then) and what the page showed. Live pages redraw parts of
        themselves: an element found just before its redraw is looked up again, not a failure."""
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1,
                                 ignored_exceptions=(StaleElementReferenceException,)).until(condition)
        except TimeoutException:
            self.fail(f"waited {timeout} s for {what() if callable(what) else what}; {self.page_state()}")

    def page_state(self):
        script = ("const p = document.getElementById('page');"
                  "return [location.hash, p && p.dataset.page, (document.body.innerText || '').slice(0, 1500)];")
        hash_, page, text = self.driver.execute_script(script)
        return f"address {hash_!r}, #page data-page {page!r}, text shown:\n{text}"

    def find(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def element(self, css, what=None, timeout=UI_TIMEOUT):
        """The first displayed element matching `css`, once there is one."""
        def shown(_):
            return next((e for e in self.find(css) if e.is_displayed()), None)
        return self.wait(shown, what or f"{css} on the page", timeout)

    def text_of(self, css):
        found = self.find(css)
        return found[0].text.strip() if found else None

    def wait_text(self, css, expected, what, timeout=UI_TIMEOUT):
        self.wait(lambda _: self.text_of(css) == expected,
                  lambda: f"{what}: {css} to read {expected!r} (it reads {self.text_of(css)!r})", timeout)

    def show(self, route):
        """Opens a page by its navigation link (by the address at phone size, where the
        navigation is folded), once it is mounted."""
        links = [a for a in self.find(f'#nav-links a[data-route="{route}"]') if a.is_displayed()]
        if links:
            links[0].click()
        else:
            self.driver.execute_script("location.hash = arguments[0]", f"#/{route}")
        self.element(f'#page[data-page="{route}"]', f"the {route} page to be shown")

    def mark_page(self):
        """A mark in the page's JavaScript state: gone if the page is reloaded."""
        self.driver.execute_script("window.siaranE2eMark = 'still here'")

    def assert_not_reloaded(self):
        self.assertEqual(self.driver.execute_script("return window.siaranE2eMark"), "still here",
                         "the page was reloaded; it should have updated itself")

    def login(self, name, password):
        """A fresh visit (no session cookie), then the login form."""
        self.driver.delete_all_cookies()
        self.driver.get(self.base_url + "/")
        self.element("#login-name", "the login form").send_keys(name)
        self.element("#login-password").send_keys(password)
        self.element("#login-submit").click()
        self.element('#page[data-page="beranda"]', f"beranda after {name} logged in")

    def fetch(self, method, path, body, with_csrf):
        """A request from the page's own JavaScript with the session cookie (HttpOnly: only the
        browser sends it), with or without the session's CSRF token; the answer's status."""
        script = """
            const [method, path, body, withCsrf, done] = arguments;
            (async () => {
              const session = await (await fetch('/api/v1/session')).json();
              const headers = {'Content-Type': 'application/json'};
              if (withCsrf) headers['X-CSRF-Token'] = session.csrf;
              const answer = await fetch(path, {method, headers, body: JSON.stringify(body)});
              done({status: answer.status, csrf: typeof session.csrf});
            })().catch((e) => done({error: String(e)}));"""
        self.driver.set_script_timeout(UI_TIMEOUT)
        result = self.driver.execute_async_script(script, method, path, body, with_csrf)
        self.assertNotIn("error", result, f"{method} {path} from the page")
        self.assertEqual(result["csrf"], "string", "GET /api/v1/session gives the session's csrf token")
        return result["status"]

    def double_click(self, element):
        """Two clicks in quick succession at the element, as the mouse gives them (the second
        lands wherever the first left things)."""
        ActionChains(self.driver).double_click(element).perform()

    def click_until_gone(self, element, enough, what):
        """Clicks `element` again and again, as a hurried person does, until the page removes it
        or `enough()` is true (at most UI_TIMEOUT). A click on it while it is disabled or covered
        does nothing, as in the browser."""
        def clicked(_):
            try:
                element.click()
            except StaleElementReferenceException:
                return True
            except (ElementClickInterceptedException, ElementNotInteractableException):
                pass
            return enough()
        self.wait(clicked, what)

    def choose(self, css, value):
        """Picks `value` in an audience control: the contract fixes its id, not its widget
        (a select, a text input, or a box of checkboxes)."""
        control = self.element(css)
        if control.tag_name == "select":
            def offered(_):
                return any(value in (o.get_attribute("value"), o.text.strip()) for o in Select(control).options)
            self.wait(offered, f"{value!r} offered in {css}")
            option = next(o for o in Select(control).options if value in (o.get_attribute("value"), o.text.strip()))
            if not option.is_selected():
                option.click()
        elif control.tag_name == "input":
            control.clear()
            control.send_keys(value)
        else:
            box = self.element(f'{css} input[value="{value}"]', f"a choice {value!r} in {css}")
            box.click()
