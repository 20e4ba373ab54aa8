import { render } from 'preact';
import { App } from './App';
import './styles/console.css';

render(<App />, document.getElementById('app')!);
