/**
 * The kiosk's local touch UI: one page ({@code ui/shell.jte}) served on {@code 127.0.0.1:<kiosk.ui.port>} for Chromium in
 * kiosk mode, whose content is the current <em>screen</em>, pushed by server-sent events.
 *
 * <h2>How a feature adds its screens</h2>
 * <ol>
 * <li><b>Texts</b>: put them in {@code i18n/<feature>_fr.properties} and {@code _en.properties}
 *     (plain text, UTF-8, {@code {0}} for arguments) and call {@link fr.vigie.kiosk.ui.KioskUi#addBundle}.
 *     A missing translation fails at start-up or at first rendering, never silently.</li>
 * <li><b>Slot</b>: {@code ScreenSlot slot = ui.slot("admission", 40)}. The page shows the screen of the
 *     highest-priority slot that has one (enrolment 100, clinician session 50, admission 40…);
 *     {@link fr.vigie.kiosk.ui.ScreenSlot#clear} gives the screen back.</li>
 * <li><b>Screens</b>: a screen is a jte template (or a few) and the model it draws. Write the template
 *     in {@code kiosk/src/main/jte/<dir>/<name>.jte}, {@code <dir>} being the feature's package under
 *     {@code fr.vigie.kiosk} ({@code admission/identity.jte} is compiled into {@code fr.vigie.kiosk.admission},
 *     so it may read the feature's package-private model records). It declares
 *     {@code @param fr.vigie.kiosk.ui.ScreenTexts t} and, if it shows data, {@code @param <Model> m}; texts come
 *     from {@code ${t.text("admission.identity.title")}} (with arguments: {@code t.text(key, m.name())}).
 *     Reuse the shared parts {@code @template.ui.button(...)}, {@code ui.notice}, {@code ui.field} and
 *     {@code ui.pad} (the secret keypad) rather than writing their markup again. Then, whenever the feature's
 *     state changes, {@code slot.show(Screen.of("admission.identity", "admission/identity.jte", model))}:
 *     capture what the screen shows in the model, an immutable record. The engine escapes every value for
 *     where it lands (element text, attribute), so a card holder's name or a scanned code can never become
 *     markup; never output a value with {@code $unsafe} ({@code ScreenTemplatesTest} refuses it, with inline
 *     scripts and styles). A screen is sent as one line: the template's line
 *     breaks and the indentation after them are dropped, so put inline content that needs a space on one
 *     line. Templates are compiled with the kiosk ({@code jte-maven-plugin}): a template error fails the
 *     build, and nothing is parsed on the kiosk. Screen ids ({@code data-screen}) are stable: tests and
 *     benchmarks wait for them.</li>
 * <li><b>Actions</b>: {@code ui.action("admission", "confirm", request -> ...)} answers
 *     {@code POST /ui/action/admission/confirm}, which {@code @template.ui.button(id = "admission-confirm",
 *     action = "admission/confirm", label = t.text(...), style = ButtonStyle.PRIMARY)} sends (with an optional
 *     {@code value}; {@code form = true} also sends the screen's {@code ui.field}s). Digits typed on a
 *     {@code ui.pad} arrive once, as the raw body: read them with
 *     {@link fr.vigie.kiosk.ui.UiRequest#secretDigits} into a {@code char[]}, hand them on, wipe it.</li>
 * <li><b>Resources</b> a screen links to (an image, a printable page):
 *     {@link fr.vigie.kiosk.ui.KioskUi#resource} under {@code GET /ui/x/<feature>/<name>}.</li>
 * </ol>
 *
 * <h2>Layout</h2>
 * One stylesheet ({@code kiosk-ui/kiosk.css}) lays out every screen on every kiosk display (800×480, 1024×600,
 * 1280×800, 720×1280 portrait) without scrolling: write no per-screen layout and no fixed pixel sizes in templates.
 * A screen's words take whole lines and its buttons follow on a line of their own; a {@code ui.pad} stands beside
 * the words in landscape; a screen taller than its display is set in two or three columns by {@code kiosk.js}.
 * Add a new state to {@code ScreenSizesIT} (kiosk tests): it checks each state at each size (nothing to scroll,
 * buttons and fields on screen and at least 9 mm, text at least 2.5 mm, no browser console error) and writes
 * screenshots under {@code kiosk/target/screens/}.
 *
 * <h2>Routes and protections</h2>
 * {@code GET /} the page ({@code ?lang=fr|en} sets the {@code vigie-lang} cookie; French otherwise),
 * {@code GET /ui/events} the screen stream ({@code event: screen}, {@code id:} the version, {@code data:}
 * the {@code <section data-screen=… data-version=…>}), {@code POST /ui/activity} a touch (restarts idle
 * timers, see {@link fr.vigie.kiosk.ui.KioskUi#onActivity}), {@code POST /ui/action/*}, {@code GET /ui/x/*}.
 * Every request must carry {@code Host: 127.0.0.1:<port>} (or {@code localhost}); every POST an
 * {@code Origin} equal to the page's own, else 403 {@code UI_HOST_REFUSED} / {@code UI_ORIGIN_REFUSED}:
 * another site open in a browser on the kiosk cannot drive it. A POST body is a form or plain text, as the
 * page sends (415 {@code UI_UNSUPPORTED_MEDIA_TYPE} otherwise), and a malformed form is refused 400
 * {@code UI_BAD_FORM}. A strict Content-Security-Policy (no inline script) backs up the escaping.
 *
 * <h2>Application windows</h2>
 * A button with {@code data-open-app="<kiosk-local URL>"} (the launchpad's) opens that URL in a second browser
 * window, named {@code vigie-app}, on the tap itself; the page closes that window and takes the front again as
 * soon as it shows a screen without a {@code [data-app-window]} element (e.g. the session locked).
 */
package fr.vigie.kiosk.ui;
