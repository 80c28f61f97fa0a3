"""301 redirects from the old site's addresses, declared in the content's metadata.

    Redirect_from: /index.php/aktuelles/151-fuenf-jahre-miteinander

Writes `.htaccess` (the hand-written `deploy/htaccess` plus a generated redirect
section) and the nginx includes `.server/nginx-redirects.conf` and `.server/nginx-languages.conf`
(each language's 404 page) into the output.
"""

from .redirects import (
    Redirect,
    apache_error_pages,
    apache_section,
    nginx_error_pages,
    nginx_include,
    register,
)

__all__ = [
    "Redirect",
    "apache_error_pages",
    "apache_section",
    "nginx_error_pages",
    "nginx_include",
    "register",
]
