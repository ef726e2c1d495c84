@echo off
rem Double-click: preview the site in the browser; it refreshes after every save.
rem See guide\ (the editing guide). Kept ASCII on purpose: see scripts\windows\launch.cmd.
call "%~dp0scripts\windows\launch.cmd" preview
