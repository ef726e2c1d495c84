@echo off
rem Double-click: open the form editor and the site preview (Edge or Chrome).
rem See guide\ (the editing guide). Kept ASCII on purpose: see scripts\windows\launch.cmd.
call "%~dp0scripts\windows\launch.cmd" edit
