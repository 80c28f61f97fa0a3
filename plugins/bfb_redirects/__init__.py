"""301 redirects from the old site's addresses, declared in the content's metadata.

    Redirect_from: /index.php/aktuelles/151-fuenf-jahre-miteinander

Writes `.htaccess` (the hand-written `deploy/htaccess` plus a generated redirect
section) and the nginx include `.server/nginx-redirects.conf` into the output.
"""

from .redirects import Redirect, apache_section, nginx_include, register

__all__ = ["Redirect", "apache_section", "nginx_include", "register"]
