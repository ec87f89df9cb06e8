"""The share link as one small element: the address in a read-only field with a copy button.

A highlighted code block loaded a syntax highlighter on every page (about 300 ms of script in
the browser) for one line of text; this is plain HTML with a few lines of script. Pure: no
streamlit import; app.py draws it with st.html.
"""

from __future__ import annotations

import html

# The field selects itself on focus, so copying by hand also works where the clipboard API is
# not offered (an address without https on a municipal network).
COPY_SCRIPT = """<script>
(() => {
  const box = document.currentScript.previousElementSibling;
  const field = box.querySelector('input'), button = box.querySelector('button');
  button.addEventListener('click', async () => {
    field.select();
    try { await navigator.clipboard.writeText(field.value); }
    catch (e) { document.execCommand('copy'); }
    button.textContent = button.dataset.done;
    setTimeout(() => { button.textContent = button.dataset.label; }, 2000);
  });
})();
</script>"""


def share_html(link: str, *, title: str, label: str, done: str, caption: str) -> str:
    """The share block: a title, the address with a copy button and a caption (all escaped)."""
    e = html.escape
    return (
        f'<div class="bm-share" role="group" aria-label="{e(title)}" style="border-top:1px solid '
        'rgba(49,51,63,.2);margin-top:.5rem;padding-top:1rem">'
        f'<p style="font-weight:600;margin:0 0 .3rem">{e(title)}</p>'
        '<div style="display:flex;gap:.3rem">'
        f'<input type="text" readonly value="{e(link)}" aria-label="{e(title)}" '
        'onfocus="this.select()" style="flex:1;min-width:0;font:inherit;font-size:.8rem;'
        'padding:.3rem .4rem;border:1px solid rgba(49,51,63,.2);border-radius:.4rem">'
        f'<button type="button" data-label="{e(label)}" data-done="{e(done)}" '
        'style="font:inherit;font-size:.8rem;padding:.3rem .6rem;border:1px solid '
        f'rgba(49,51,63,.2);border-radius:.4rem;background:white;cursor:pointer">{e(label)}'
        "</button></div>"
        f'<p style="font-size:.8rem;opacity:.7;margin:.3rem 0 0">{e(caption)}</p></div>'
        + COPY_SCRIPT
    )
