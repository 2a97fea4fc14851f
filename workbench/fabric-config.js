// Read by Fluent UI when it loads: no web fonts from Microsoft's CDN (this machine may be offline; the page uses
// local Segoe UI or the system font instead). SharePoint pages set their own fonts.
window.FabricConfig = { fontBaseUrl: '' };
