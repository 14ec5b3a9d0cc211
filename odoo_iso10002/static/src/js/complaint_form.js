/** @odoo-module **/
/* The public complaint form with reCAPTCHA (google_recaptcha configured):
 * as Odoo's website forms do, load Google's library on the page and put a
 * token for the form's action in `recaptcha_token_response` when sending.
 * Without a site key the form carries no data-recaptcha-key and this does
 * nothing. */

import { loadJS } from "@web/core/assets";
import publicWidget from "@web/legacy/js/public/public_widget";

publicWidget.registry.Iso10002ComplaintForm = publicWidget.Widget.extend({
    selector: "form.o_iso10002_complaint[data-recaptcha-key]",
    events: { submit: "_onSubmit" },

    start() {
        const key = this.el.dataset.recaptchaKey;
        this._recaptchaReady = loadJS(
            `https://www.recaptcha.net/recaptcha/api.js?render=${encodeURIComponent(key)}`
        ).then(() => new Promise((resolve) => window.grecaptcha.ready(resolve)));
        return this._super(...arguments);
    },

    async _onSubmit(ev) {
        const input = this.el.querySelector("input[name='recaptcha_token_response']");
        if (input.value) {
            return;
        }
        ev.preventDefault();
        try {
            await this._recaptchaReady;
            input.value = await window.grecaptcha.execute(this.el.dataset.recaptchaKey, {
                action: this.el.dataset.captchaAction,
            });
        } catch {
            // Sent without a token: the server refuses it with a message.
        }
        // form.submit() does not trigger this handler again.
        this.el.submit();
    },
});
