/** What the sandbox's own HTML pages share: their stylesheet and its Content-Security-Policy. Demo and tests only. */
package fr.vigie.hub.sandbox.web;
